package dev.kiln.explore;

import java.util.List;

/**
 * Equal-width bins over the range of a numeric column's present values. Immutable; serialises to JSON as it is.
 *
 * @param edges bin edges, one more than counts: bin i holds values in [edges[i], edges[i+1]), the last bin closed
 * @param counts rows per bin
 */
public record Histogram(List<Double> edges, List<Integer> counts) {
    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
    }

    /** The histogram of sorted present values in {@code bins} equal-width bins; null when there are no finite values. */
    static Histogram of(double[] sorted, int bins) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi && !Double.isFinite(sorted[lo])) {
            lo++;
        }
        while (hi >= lo && !Double.isFinite(sorted[hi])) {
            hi--;
        }
        if (lo > hi) {
            return null;
        }
        double min = sorted[lo];
        double max = sorted[hi];
        int n = min == max ? 1 : bins;
        double width = (max - min) / n;
        int[] counts = new int[n];
        for (int i = lo; i <= hi; i++) {
            counts[width == 0 ? 0 : (int) Math.min(n - 1, Math.floor((sorted[i] - min) / width))]++;
        }
        Double[] edges = new Double[n + 1];
        for (int b = 0; b <= n; b++) {
            edges[b] = b == n ? max : min + b * width;
        }
        return new Histogram(List.of(edges), java.util.Arrays.stream(counts).boxed().toList());
    }
}
