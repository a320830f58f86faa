package dev.kiln.learn.glm;

import dev.kiln.learn.FeatureMatrix;

/**
 * The mean and population standard deviation of each feature, and the standardised copy
 * {@code (x - mean) / scale} that the GLM solvers fit on; a constant feature gets scale 1. Immutable
 * after construction; never modifies the matrix it reads.
 */
final class Standardization {
    private final double[] means;
    private final double[] scales;

    private Standardization(double[] means, double[] scales) {
        this.means = means;
        this.scales = scales;
    }

    static Standardization of(FeatureMatrix features) {
        return of(columns(features));
    }

    /** The statistics of {@code columns} (feature-major, all of the same length; not modified). */
    static Standardization of(double[][] columns) {
        int p = columns.length;
        double[] means = new double[p];
        double[] scales = new double[p];
        for (int j = 0; j < p; j++) {
            double[] column = columns[j];
            int n = column.length;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += column[i];
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = column[i] - mean;
                squares += d * d;
            }
            double scale = Math.sqrt(squares / n);
            means[j] = mean;
            scales[j] = scale > 0 ? scale : 1;
        }
        return new Standardization(means, scales);
    }

    /** The standardised columns of {@code features}, one new array per feature. */
    double[][] apply(FeatureMatrix features) {
        return apply(columns(features));
    }

    /** The standardised {@code columns}, one new array per feature. */
    double[][] apply(double[][] columns) {
        double[][] out = new double[means.length][];
        for (int j = 0; j < means.length; j++) {
            double[] column = columns[j];
            double[] target = new double[column.length];
            for (int i = 0; i < column.length; i++) {
                target[i] = (column[i] - means[j]) / scales[j];
            }
            out[j] = target;
        }
        return out;
    }

    private static double[][] columns(FeatureMatrix features) {
        double[][] columns = new double[features.columnCount()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = features.column(j);
        }
        return columns;
    }

    int size() {
        return means.length;
    }

    double mean(int j) {
        return means[j];
    }

    double scale(int j) {
        return scales[j];
    }

    /**
     * Maps one block of weights fitted on standardised features back to the original scale: writes
     * {@code w_j / scale_j} into {@code coefficients} at {@code offset} and returns the intercept.
     */
    double toOriginalScale(double[] weights, int weightOffset, double intercept, double[] coefficients, int offset) {
        double shifted = intercept;
        for (int j = 0; j < means.length; j++) {
            double w = weights[weightOffset + j] / scales[j];
            coefficients[offset + j] = w;
            shifted -= w * means[j];
        }
        return shifted;
    }
}
