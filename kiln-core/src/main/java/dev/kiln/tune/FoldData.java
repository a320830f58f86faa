package dev.kiln.tune;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import java.util.Objects;

/**
 * One cross-validation fold with its preparation already fitted on the fold's training rows only: the
 * prepared training frame (features and target), the prepared validation features, the validation rows'
 * positions among all training rows (for out-of-fold predictions) and their truth, as class codes for
 * classification or values for regression (the other array is null). Immutable by convention: arrays are
 * copied in and never handed out.
 */
public final class FoldData {
    private final int index;
    private final Frame train;
    private final Frame validation;
    private final int[] validationRows;
    private final int[] trueClasses;
    private final double[] trueValues;

    public FoldData(int index, Frame train, Frame validation, int[] validationRows, int[] trueClasses, double[] trueValues) {
        Checks.checkArgument((trueClasses == null) != (trueValues == null), "fold %s: exactly one of classes or values", index);
        int truth = trueClasses != null ? trueClasses.length : trueValues.length;
        Checks.checkArgument(validation.rowCount() == truth && validationRows.length == truth,
                "fold %s: %s validation rows, %s positions and %s truths", index, validation.rowCount(), validationRows.length, truth);
        this.index = index;
        this.train = Objects.requireNonNull(train, "train");
        this.validation = validation;
        this.validationRows = validationRows.clone();
        this.trueClasses = trueClasses == null ? null : trueClasses.clone();
        this.trueValues = trueValues == null ? null : trueValues.clone();
    }

    public int index() {
        return index;
    }

    /** The prepared training rows with the target column. */
    public Frame train() {
        return train;
    }

    /** The prepared validation features. */
    public Frame validation() {
        return validation;
    }

    public int validationSize() {
        return validationRows.length;
    }

    /** The position among all training rows of validation row {@code i}. */
    int validationRow(int i) {
        return validationRows[i];
    }

    int[] trueClasses() {
        return trueClasses;
    }

    double[] trueValues() {
        return trueValues;
    }
}
