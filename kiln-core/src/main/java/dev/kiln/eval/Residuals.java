package dev.kiln.eval;

import java.util.Arrays;

/**
 * Residuals of a regression model for plots: a seeded sample of (predicted, truth − predicted) points, and a
 * histogram of all residuals over equal-width bins. Immutable.
 *
 * @param edges bin edges, one more than {@code counts}
 */
public record Residuals(double[] predicted, double[] residual, double[] edges, long[] counts) {
    public Residuals {
        predicted = predicted.clone();
        residual = residual.clone();
        edges = edges.clone();
        counts = counts.clone();
    }

    /** The residuals of {@code predicted} against {@code truth}: at most {@code points} sampled points, {@code bins} bins. */
    public static Residuals of(double[] predicted, double[] truth, int points, int bins, long seed) {
        int n = truth.length;
        double[] residual = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            residual[i] = truth[i] - predicted[i];
            min = Math.min(min, residual[i]);
            max = Math.max(max, residual[i]);
        }
        int[] order = PermutationImportance.identity(n);
        new SplitMix64(seed).shuffle(order, 0, n);
        int m = Math.min(points, n);
        int[] sample = Arrays.copyOf(order, m);
        Arrays.sort(sample);
        double[] px = new double[m];
        double[] py = new double[m];
        for (int i = 0; i < m; i++) {
            px[i] = predicted[sample[i]];
            py[i] = residual[sample[i]];
        }
        if (n == 0) {
            return new Residuals(px, py, new double[0], new long[0]);
        }
        if (max == min) {
            max = min + 1;
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = min + (max - min) * b / bins;
        }
        long[] counts = new long[bins];
        for (double r : residual) {
            counts[Math.min(bins - 1, (int) ((r - min) / (max - min) * bins))]++;
        }
        return new Residuals(px, py, edges, counts);
    }

    @Override
    public double[] predicted() {
        return predicted.clone();
    }

    @Override
    public double[] residual() {
        return residual.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
