package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TimestampColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A column cut into at most {@value #MAX_BINS} + 1 groups for single-feature checks: quantile bins of
 * numeric and timestamp values, category codes (labels past the first {@value #MAX_BINS} share the last
 * group), and one group for missing values. Immutable.
 *
 * @param codes the group of every row, in [0, count)
 * @param count the number of groups
 */
record FeatureBins(int[] codes, int count) {
    static final int MAX_BINS = 32;

    /** The number of edges at or below {@code v}: a linear scan, faster than a binary search over 31 edges. */
    private static int bin(double[] edges, double v) {
        int b = 0;
        while (b < edges.length && edges[b] <= v) {
            b++;
        }
        return b;
    }

    static FeatureBins of(Column column) {
        return of(column, null);
    }

    /** The bins of {@code column}; {@code sortedPresent} are its sorted non-missing values when the caller has them, or null. */
    static FeatureBins of(Column column, double[] sortedPresent) {
        int n = column.size();
        int[] codes = new int[n];
        if (column instanceof NumericColumn || column instanceof TimestampColumn) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = column instanceof NumericColumn num ? num.get(i)
                        : column.isMissing(i) ? Double.NaN : ((TimestampColumn) column).get(i);
            }
            double[] sorted = sortedPresent != null ? sortedPresent : Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double[] edges = new double[MAX_BINS - 1];
            for (int b = 1; b < MAX_BINS; b++) {
                edges[b - 1] = sorted.length == 0 ? 0 : NumericStats.quantile(sorted, (double) b / MAX_BINS);
            }
            edges = Arrays.stream(edges).distinct().toArray();
            for (int i = 0; i < n; i++) {
                codes[i] = Double.isNaN(values[i]) ? edges.length + 1 : bin(edges, values[i]);
            }
            return new FeatureBins(codes, edges.length + 2);
        }
        if (column instanceof CategoricalColumn c) {
            int levels = Math.min(c.levels().size(), MAX_BINS);
            for (int i = 0; i < n; i++) {
                codes[i] = c.code(i) < 0 ? levels : Math.min(c.code(i), levels - 1);
            }
            return new FeatureBins(codes, levels + 1);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String label = column.format(i);
            codes[i] = label == null ? MAX_BINS : index.computeIfAbsent(label, l -> Math.min(index.size(), MAX_BINS - 1));
        }
        return new FeatureBins(codes, MAX_BINS + 1);
    }
}
