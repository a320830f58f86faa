package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * A fitted {@link PreparationPlan}: the fitted steps that every later frame goes through (a batch or a
 * single serving row alike), and what fitting made of the training rows.
 *
 * @param steps the fitted steps, in order; row filters are not among them
 * @param trainFeatures the prepared training features (out-of-fold values where a step needs them)
 * @param trainTarget the target of the kept training rows, or null when none was given
 * @param keptRows the indexes of the kept training rows in the frame given to fit
 * @param notes the plan's choices and what each row filter did
 */
public record FittedPreparation(List<FittedTransformer> steps, Frame trainFeatures, Column trainTarget, int[] keptRows,
                                List<String> notes) {
    public FittedPreparation {
        steps = List.copyOf(steps);
        keptRows = keptRows.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public int[] keptRows() {
        return keptRows.clone();
    }

    /** {@code frame} run through every fitted step. */
    public Frame apply(Frame frame) {
        Frame out = frame;
        for (FittedTransformer step : steps) {
            out = step.apply(out);
        }
        return out;
    }
}
