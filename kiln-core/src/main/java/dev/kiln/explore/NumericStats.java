package dev.kiln.explore;

import dev.kiln.data.NumericColumn;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moments and order statistics of the non-missing values of a numeric column. One pass copies the values and
 * accumulates mean and variance (Welford, 1962); one sort gives min, max, distinct count and quantiles.
 * O(n log n) time, O(n) memory.
 */
final class NumericStats {
    private static final double[] QUANTILES = {0.05, 0.25, 0.50, 0.75, 0.95};
    private static final String[] QUANTILE_NAMES = {"p05", "p25", "p50", "p75", "p95"};

    private final double[] sorted;
    private final double mean;
    private final double sumSquaredDeviations;

    private NumericStats(double[] sorted, double mean, double sumSquaredDeviations) {
        this.sorted = sorted;
        this.mean = mean;
        this.sumSquaredDeviations = sumSquaredDeviations;
    }

    static NumericStats of(NumericColumn column) {
        int n = column.size();
        double[] present = new double[n];
        int count = 0;
        double mean = 0.0;
        double sumSquaredDeviations = 0.0;
        for (int i = 0; i < n; i++) {
            double v = column.get(i);
            if (!Double.isNaN(v)) {
                present[count++] = v;
                double delta = v - mean;
                mean += delta / count;
                sumSquaredDeviations += delta * (v - mean);
            }
        }
        double[] sorted = Arrays.copyOf(present, count);
        Arrays.sort(sorted);
        return new NumericStats(sorted, mean, sumSquaredDeviations);
    }

    int count() {
        return sorted.length;
    }

    /** Distinct values; -0.0 and 0.0 count as one. */
    int distinct() {
        int distinct = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    Double min() {
        return sorted.length == 0 ? null : finite(sorted[0]);
    }

    Double max() {
        return sorted.length == 0 ? null : finite(sorted[sorted.length - 1]);
    }

    Double mean() {
        return sorted.length == 0 ? null : finite(mean);
    }

    /** Sample standard deviation (n - 1 in the denominator); null for fewer than two values. */
    Double std() {
        return sorted.length < 2 ? null : finite(Math.sqrt(sumSquaredDeviations / (sorted.length - 1)));
    }

    /** The sorted non-missing values; callers must not modify them. */
    double[] sortedValues() {
        return sorted;
    }

    /** p05 to p95, or null when there are no values. */
    Map<String, Double> quantiles() {
        if (sorted.length == 0) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < QUANTILES.length; i++) {
            out.put(QUANTILE_NAMES[i], finite(quantile(sorted, QUANTILES[i])));
        }
        return out;
    }

    /** The {@code q}-quantile of non-empty {@code sorted}, interpolating linearly at position (n - 1) q. */
    static double quantile(double[] sorted, double q) {
        double position = (sorted.length - 1) * q;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    /** {@code value} boxed, or null when it is NaN or infinite (JSON has no such numbers). */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
