package dev.kiln.prep;

import dev.kiln.data.NumericColumn;
import java.util.Arrays;

/** Statistics of the present (non-NaN) values of a numeric training column, as the fitting steps need them. */
final class TrainingStats {
    private TrainingStats() {
    }

    /** The present values, sorted ascending. */
    static double[] sortedPresent(NumericColumn column) {
        double[] out = new double[column.size()];
        int n = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.get(i);
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The {@code q}-quantile of non-empty {@code sorted} by linear interpolation (numpy's default); NaN if empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = (sorted.length - 1) * q;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population standard deviation (ddof = 0, as scikit-learn's scalers); NaN if empty. */
    static double std(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return values.length == 0 ? Double.NaN : Math.sqrt(sum / values.length);
    }
}
