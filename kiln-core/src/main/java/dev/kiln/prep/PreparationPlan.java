package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of unfitted preparation steps, with the reasons they were chosen. {@link #fit} runs
 * them over the training rows: row filters drop training rows (features and target together), each
 * transformer is fitted on the output of the steps before it, and supervised steps also see the
 * target. Immutable.
 */
public final class PreparationPlan {

    /** One step of a plan. */
    public sealed interface Step permits RowStep, FitStep, SupervisedStep {
    }

    /** Drops training rows; not part of the fitted steps. */
    public record RowStep(RowFilter filter) implements Step {
    }

    /** A transformer fitted on the features alone. */
    public record FitStep(Transformer transformer) implements Step {
    }

    /** A transformer fitted on the features and the target. */
    public record SupervisedStep(SupervisedTransformer transformer) implements Step {
    }

    private final List<Step> steps;
    private final List<String> choices;

    /** @param choices what was chosen for which columns and why, one line each */
    public PreparationPlan(List<Step> steps, List<String> choices) {
        this.steps = List.copyOf(steps);
        this.choices = List.copyOf(choices);
    }

    public List<Step> steps() {
        return steps;
    }

    public List<String> choices() {
        return choices;
    }

    /**
     * Fits every step on {@code features} (training rows only) and {@code target} (the same rows; may
     * be null when no step is supervised). Leaves both unchanged.
     */
    public FittedPreparation fit(Frame features, Column target) {
        List<FittedTransformer> fitted = new ArrayList<>();
        List<String> notes = new ArrayList<>(choices);
        Frame frame = features;
        Column y = target;
        int[] kept = identity(features.rowCount());
        for (Step step : steps) {
            RowFilter filter = null;
            if (step instanceof RowStep r) {
                filter = r.filter();
            } else if (step instanceof FitStep f) {
                FittedTransformer result = f.transformer().fit(frame);
                fitted.add(result);
                frame = result.apply(frame);
                filter = result instanceof RowFilter rowFilter ? rowFilter : null;
            } else if (step instanceof SupervisedStep s) {
                if (y == null) {
                    throw new IllegalArgumentException("a supervised preparation step needs the target");
                }
                SupervisedTransformer.Result result = s.transformer().fit(frame, y);
                fitted.add(result.fitted());
                frame = result.trainOutput();
            }
            if (filter != null) {
                RowFilter.RowSelection selection = filter.select(y == null ? frame : frame.with(y));
                int[] rows = selection.kept();
                frame = frame.take(rows);
                y = y == null ? null : y.take(rows);
                int[] composed = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    composed[i] = kept[rows[i]];
                }
                kept = composed;
                notes.add(selection.reason());
            }
        }
        return new FittedPreparation(fitted, frame, y, kept, notes);
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
