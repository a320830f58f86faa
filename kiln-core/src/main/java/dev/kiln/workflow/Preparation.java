package dev.kiln.workflow;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.prep.DropColumns;
import dev.kiln.prep.FittedPreparation;
import dev.kiln.prep.FittedTransformer;
import dev.kiln.prep.MissingTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The preparation of a spec fitted on training rows: the plan {@link PreparationPlanner} makes of the
 * {@code prepare:} section (or {@code prepare: auto}), its fitted steps, the prepared training rows
 * (duplicates and other training-only row filters applied, out-of-fold target encodings), and the
 * raw columns that no step reads.
 */
record Preparation(FittedPreparation fitted, List<DropColumns.Dropped> dropped, int rawFeatures) {

    static Preparation fit(Frame trainFeatures, Column trainTarget, Spec.Prepare prepare, long seed) {
        FittedPreparation fitted = PreparationPlanner.plan(prepare, trainFeatures, trainTarget, seed).fit(trainFeatures, trainTarget);
        List<DropColumns.Dropped> dropped = new ArrayList<>();
        for (FittedTransformer step : fitted.steps()) {
            if (step instanceof DropColumns d) {
                dropped.addAll(d.dropped().stream().filter(x -> trainFeatures.has(x.column())).toList());
            } else if (!(step instanceof MissingTokens)) {
                break;
            }
        }
        return new Preparation(fitted, List.copyOf(dropped), trainFeatures.columnCount());
    }

    List<FittedTransformer> steps() {
        return fitted.steps();
    }

    /** The prepared training rows with their target (none for unsupervised tasks), ready for the learners. */
    Frame train() {
        return fitted.trainTarget() == null ? fitted.trainFeatures() : fitted.trainFeatures().with(fitted.trainTarget());
    }

    /** {@code frame} run through every fitted step. */
    Frame apply(Frame frame) {
        return fitted.apply(frame);
    }

    boolean isDropped(String column) {
        return dropped.stream().anyMatch(d -> d.column().equals(column));
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>(fitted.notes());
        dropped.stream().filter(d -> !d.reason().startsWith("listed"))
                .filter(d -> notes.stream().noneMatch(n -> n.contains("'" + d.column() + "'")))
                .forEach(d -> notes.add("dropped '" + d.column() + "': " + d.reason()));
        return notes;
    }

    String summary(int modelFeatures) {
        return String.format("%d raw features -> %d model features (%d steps, %d training rows kept, %d raw columns dropped)",
                rawFeatures, modelFeatures, fitted.steps().size(), fitted.trainFeatures().rowCount(), dropped.size());
    }
}
