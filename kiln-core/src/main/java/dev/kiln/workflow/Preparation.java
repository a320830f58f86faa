package dev.kiln.workflow;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.prep.DropColumns;
import dev.kiln.prep.FittedTransformer;
import dev.kiln.prep.Imputer;
import dev.kiln.prep.OneHotEncoder;
import dev.kiln.prep.Transformer;
import java.util.ArrayList;
import java.util.List;

/**
 * The preparation steps of a spec fitted on training rows: drop the columns the spec lists and those
 * whose kind no learner reads yet (text, timestamp), impute, then one-hot encode.
 */
record Preparation(List<FittedTransformer> steps, List<DropColumns.Dropped> dropped, int rawFeatures) {

    static Preparation fit(Frame train, Spec.Prepare prepare) {
        List<DropColumns.Dropped> dropped = new ArrayList<>();
        for (String column : prepare.drop()) {
            dropped.add(new DropColumns.Dropped(column, "listed in prepare.drop"));
        }
        for (Column column : train.columns()) {
            boolean listed = prepare.drop().contains(column.name());
            if (!listed && (column.kind() == ColumnKind.TEXT || column.kind() == ColumnKind.TIMESTAMP)) {
                dropped.add(new DropColumns.Dropped(column.name(), column.kind().label() + " columns are not used as features yet"));
            }
        }
        List<Transformer> unfitted = List.of(new DropColumns(dropped), new Imputer(Imputer.strategy(prepare.imputeNumeric())),
                new OneHotEncoder());
        List<FittedTransformer> steps = new ArrayList<>();
        Frame frame = train;
        for (Transformer transformer : unfitted) {
            FittedTransformer fitted = transformer.fit(frame);
            frame = fitted.apply(frame);
            steps.add(fitted);
        }
        return new Preparation(List.copyOf(steps), List.copyOf(dropped), train.columnCount());
    }

    /** {@code frame} run through every fitted step. */
    Frame apply(Frame frame) {
        Frame out = frame;
        for (FittedTransformer step : steps) {
            out = step.apply(out);
        }
        return out;
    }

    boolean isDropped(String column) {
        return dropped.stream().anyMatch(d -> d.column().equals(column));
    }

    List<String> notes() {
        return dropped.stream().filter(d -> !d.reason().startsWith("listed"))
                .map(d -> "dropped '" + d.column() + "': " + d.reason()).toList();
    }

    String summary(int modelFeatures) {
        return String.format("%d raw features -> %d model features (dropped %d; impute, one-hot)", rawFeatures,
                modelFeatures, dropped.size());
    }
}
