package dev.kiln.tune;

import dev.kiln.data.Checks;

/**
 * A learner's out-of-fold predictions on the training rows: for each row, the mean over the folds that
 * validated it of the predicted class probabilities ({@code outputs} = classes) or value ({@code outputs}
 * = 1). Rows no fold validated (the first block of time-ordered folds) are not covered. Immutable:
 * the arrays are owned and never handed out.
 */
public final class OutOfFold {
    private final int outputs;
    private final double[] values;
    private final boolean[] covered;

    OutOfFold(int outputs, double[] values, boolean[] covered) {
        Checks.checkArgument(values.length == covered.length * outputs, "%s values for %s rows x %s outputs",
                values.length, covered.length, outputs);
        this.outputs = outputs;
        this.values = values;
        this.covered = covered;
    }

    /** Sums predictions per row and averages them in {@link #build()}; not thread-safe. */
    static final class Builder {
        private final int outputs;
        private final double[] sums;
        private final int[] counts;

        Builder(int rows, int outputs) {
            this.outputs = outputs;
            this.sums = new double[rows * outputs];
            this.counts = new int[rows];
        }

        void add(int row, double[] prediction) {
            for (int k = 0; k < outputs; k++) {
                sums[row * outputs + k] += prediction[k];
            }
            counts[row]++;
        }

        OutOfFold build() {
            boolean[] covered = new boolean[counts.length];
            double[] values = new double[sums.length];
            for (int i = 0; i < counts.length; i++) {
                covered[i] = counts[i] > 0;
                for (int k = 0; k < outputs; k++) {
                    values[i * outputs + k] = counts[i] == 0 ? 0 : sums[i * outputs + k] / counts[i];
                }
            }
            return new OutOfFold(outputs, values, covered);
        }
    }

    public int rows() {
        return covered.length;
    }

    public int outputs() {
        return outputs;
    }

    public boolean covered(int row) {
        return covered[row];
    }

    /** Output {@code k} of row {@code row}. */
    public double value(int row, int k) {
        return values[row * outputs + k];
    }
}
