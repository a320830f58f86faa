package dev.kiln.learn.cluster;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParallelLoop;
import java.util.concurrent.ForkJoinPool;

/**
 * The mean silhouette coefficient (Rousseeuw, 1987) of a labelling: for each row, {@code a} is its mean
 * Euclidean distance to the other rows of its cluster and {@code b} the smallest mean distance to the
 * rows of another cluster; its coefficient is {@code (b − a) / max(a, b)}, 0 for a row alone in its
 * cluster. In [-1, 1], higher is better. Every label is a cluster, noise ({@code -1}) included, as in
 * scikit-learn's {@code silhouette_score}. Cost {@code O(rows² × features)}: callers sample large data.
 * Rows are processed in fixed parts and the coefficients summed in row order, so the value does not
 * depend on the pool. Stateless.
 */
public final class Silhouette {
    private Silhouette() {
    }

    /**
     * The mean silhouette of the {@code n × d} rows {@code x} (row-major) labelled {@code labels}; NaN
     * unless there are at least 2 and at most {@code n - 1} distinct labels. {@code pool} may be null.
     */
    public static double score(double[] x, int n, int d, int[] labels, ForkJoinPool pool) {
        Checks.checkArgument(labels.length == n && x.length == (long) n * d, "silhouette: %s labels for %s rows", labels.length, n);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int label : labels) {
            Checks.checkArgument(label >= -1, "silhouette: label %s below -1", label);
            min = Math.min(min, label);
            max = Math.max(max, label);
        }
        int offset = -min;
        int clusters = max - min + 1;
        long[] sizes = new long[clusters];
        for (int label : labels) {
            sizes[label + offset]++;
        }
        int distinct = 0;
        for (long size : sizes) {
            distinct += size > 0 ? 1 : 0;
        }
        if (distinct < 2 || distinct > n - 1) {
            return Double.NaN;
        }
        double[] coefficients = new double[n];
        ParallelLoop.run(pool, n, Math.max(1, n / 256), (part, from, to) -> {
            double[] sums = new double[clusters];
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(sums, 0);
                for (int o = 0; o < n; o++) {
                    sums[labels[o] + offset] += Math.sqrt(Distances.squared(x, i * d, x, o * d, d));
                }
                int own = labels[i] + offset;
                if (sizes[own] <= 1) {
                    coefficients[i] = 0;
                    continue;
                }
                double a = sums[own] / (sizes[own] - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int c = 0; c < clusters; c++) {
                    if (c != own && sizes[c] > 0) {
                        b = Math.min(b, sums[c] / sizes[c]);
                    }
                }
                double scale = Math.max(a, b);
                coefficients[i] = scale > 0 ? (b - a) / scale : 0;
            }
        });
        double sum = 0;
        for (double c : coefficients) {
            sum += c;
        }
        return sum / n;
    }
}
