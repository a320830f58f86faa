package dev.kiln.learn;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;

/**
 * A training frame for an unsupervised task (clustering, anomaly detection) checked and laid out for
 * the learners: every column but {@link TrainOptions#target()} (if the frame has it) as numeric
 * features, copied row-major ({@code rows × features}). Rejects, naming the column and row, an empty
 * frame, a non-numeric column and a missing or non-finite value. Never modifies the frame.
 */
public final class UnsupervisedData {
    private static final int TRANSPOSE_ROWS = 1024;
    private final FeatureMatrix features;
    private final double[] rows;

    private UnsupervisedData(FeatureMatrix features, double[] rows) {
        this.features = features;
        this.rows = rows;
    }

    /** Checks {@code train} against {@code options} and copies its features row-major. */
    public static UnsupervisedData of(Frame train, TrainOptions options) {
        Checks.checkArgument(options.task().isUnsupervised(), "task %s is not unsupervised", options.task().label());
        Checks.checkArgument(train.rowCount() > 0, "training frame has no rows");
        FeatureMatrix matrix = FeatureMatrix.of(train, FeatureMatrix.featureNames(train, options.target()));
        Checks.checkArgument(matrix.columnCount() > 0, "training frame has no feature columns");
        int n = matrix.rows();
        int d = matrix.columnCount();
        double[] rows = new double[n * d];
        for (int start = 0; start < n; start += TRANSPOSE_ROWS) { // a window of rows at a time keeps the writes in cache
            int end = Math.min(n, start + TRANSPOSE_ROWS);
            for (int j = 0; j < d; j++) {
                double[] column = matrix.column(j);
                for (int i = start; i < end; i++) {
                    double v = column[i];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(String.format(
                                "feature column '%s' has a missing or non-finite value (%s) at row %s; impute before training",
                                matrix.names().get(j), v, i));
                    }
                    rows[i * d + j] = v;
                }
            }
        }
        return new UnsupervisedData(matrix, rows);
    }

    /** The features of {@code frame} named {@code names}, row-major; {@link IllegalArgumentException} naming a missing column. */
    public static double[] rowMajor(Frame frame, java.util.List<String> names) {
        FeatureMatrix matrix = FeatureMatrix.of(frame, names);
        int n = matrix.rows();
        int d = matrix.columnCount();
        double[] out = new double[n * d];
        for (int start = 0; start < n; start += TRANSPOSE_ROWS) {
            int end = Math.min(n, start + TRANSPOSE_ROWS);
            for (int j = 0; j < d; j++) {
                double[] column = matrix.column(j);
                for (int i = start; i < end; i++) {
                    out[i * d + j] = column[i];
                }
            }
        }
        return out;
    }

    public FeatureMatrix features() {
        return features;
    }

    public java.util.List<String> featureNames() {
        return features.names();
    }

    public int rowCount() {
        return features.rows();
    }

    public int columnCount() {
        return features.columnCount();
    }

    /** The rows, row-major; callers must not modify it. */
    public double[] rows() {
        return rows;
    }
}
