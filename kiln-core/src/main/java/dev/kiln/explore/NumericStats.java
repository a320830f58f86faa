package dev.kiln.explore;

import dev.kiln.data.NumericColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moments and order statistics of the non-missing values of a numeric column, and their average ranks. Two passes
 * give mean and variance (the two-pass algorithm: as accurate as Welford's, without a division per value); one radix sort ({@link RadixOrder}, O(n)) gives the sorted
 * values (min, max, distinct count, quantiles, histogram, bins) and the ranks that Spearman correlation needs, so
 * a column is ordered exactly once. O(n) time and memory.
 */
final class NumericStats {
    private static final double[] QUANTILES = {0.05, 0.25, 0.50, 0.75, 0.95};
    private static final String[] QUANTILE_NAMES = {"p05", "p25", "p50", "p75", "p95"};

    private final double[] sorted;
    private final double mean;
    private final double sumSquaredDeviations;
    private double[] ranks;

    private NumericStats(double[] sorted, double mean, double sumSquaredDeviations, double[] ranks) {
        this.sorted = sorted;
        this.mean = mean;
        this.sumSquaredDeviations = sumSquaredDeviations;
        this.ranks = ranks;
    }

    static NumericStats of(NumericColumn column) {
        double[] values = column.toArray();
        double sum = 0.0;
        int count = 0;
        for (double v : values) {
            if (v == v) {
                sum += v;
                count++;
            }
        }
        double mean = count == 0 ? 0.0 : sum / count;
        double sumSquaredDeviations = 0.0;
        for (double v : values) {
            if (v == v) {
                sumSquaredDeviations += (v - mean) * (v - mean);
            }
        }
        double[] sorted = new double[count];
        int[] order = RadixOrder.of(values, sorted);
        double[] ranks = values; // reused: every present value is overwritten by its rank, NaN stays NaN
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && sorted[end + 1] == sorted[start]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return new NumericStats(sorted, mean, sumSquaredDeviations, ranks);
    }

    /**
     * The average ranks (1-based, ties share their mean rank) of the values in row order, NaN where missing; handed
     * over once (the stats forget them so that their memory can go when the caller is done).
     */
    double[] takeRanks() {
        double[] out = ranks;
        ranks = null;
        return out;
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
