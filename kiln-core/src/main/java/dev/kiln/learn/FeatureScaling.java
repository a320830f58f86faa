package dev.kiln.learn;

import dev.kiln.data.Checks;

/**
 * A per-feature affine map {@code (x - shift) / scale}: standardisation (training mean and population
 * standard deviation, scale 1 for a constant feature) or the identity, and the row-major copy of a
 * feature matrix it produces, which the kernel and distance learners compute on. Immutable; never
 * modifies its inputs; {@link #apply(double[], double[])} allocates nothing.
 */
public final class FeatureScaling {
    private final double[] shifts;
    private final double[] scales;

    private FeatureScaling(double[] shifts, double[] scales) {
        this.shifts = shifts;
        this.scales = scales;
    }

    /** A scaling from stored shifts and scales (copied); every scale must be finite and positive. */
    public static FeatureScaling of(double[] shifts, double[] scales) {
        Checks.checkArgument(shifts.length == scales.length, "scaling: %s shifts but %s scales", shifts.length, scales.length);
        for (int j = 0; j < scales.length; j++) {
            Checks.checkArgument(Double.isFinite(shifts[j]) && Double.isFinite(scales[j]) && scales[j] > 0,
                    "scaling: feature %s has shift %s and scale %s, expected finite values and a positive scale",
                    j, shifts[j], scales[j]);
        }
        return new FeatureScaling(shifts.clone(), scales.clone());
    }

    /** Standardisation fitted on {@code features}, or the identity when {@code standardize} is false. */
    public static FeatureScaling fit(FeatureMatrix features, boolean standardize) {
        int p = features.columnCount();
        int n = features.rows();
        double[] shifts = new double[p];
        double[] scales = new double[p];
        for (int j = 0; j < p; j++) {
            scales[j] = 1;
            if (!standardize) {
                continue;
            }
            double[] column = features.column(j);
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
            shifts[j] = mean;
            scales[j] = scale > 0 ? scale : 1;
        }
        return new FeatureScaling(shifts, scales);
    }

    /** The number of features. */
    public int size() {
        return shifts.length;
    }

    /** The scaled rows of {@code features}, row-major: value {@code (i, j)} at {@code i * size() + j}. */
    public double[] rowMajor(FeatureMatrix features) {
        int p = shifts.length;
        int n = features.rows();
        double[] out = new double[n * p];
        for (int j = 0; j < p; j++) {
            double[] column = features.column(j);
            for (int i = 0; i < n; i++) {
                out[i * p + j] = (column[i] - shifts[j]) / scales[j];
            }
        }
        return out;
    }

    /** Writes the scaled {@code x} into {@code out} (both of length {@link #size()}). */
    public void apply(double[] x, double[] out) {
        for (int j = 0; j < shifts.length; j++) {
            out[j] = (x[j] - shifts[j]) / scales[j];
        }
    }

    /** A copy of the shifts (means when standardising, else zeros). */
    public double[] shifts() {
        return shifts.clone();
    }

    /** A copy of the scales (standard deviations when standardising, else ones). */
    public double[] scales() {
        return scales.clone();
    }
}
