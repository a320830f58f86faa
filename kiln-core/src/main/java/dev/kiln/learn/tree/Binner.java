package dev.kiln.learn.tree;

import dev.kiln.learn.ParallelLoop;
import dev.kiln.data.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Chooses each feature's bins from the training rows, as LightGBM and scikit-learn's
 * HistGradientBoosting do: a numeric feature with at most {@code maxBins} distinct values gets one bin
 * per value; otherwise edges are placed at quantiles so that bins hold about equal numbers of rows.
 * Quantiles come from a systematic sample of at most {@value #SAMPLE_SIZE} rows (every
 * {@code n / SAMPLE_SIZE}-th training row), so binning is deterministic and needs no seed. Edges sit
 * halfway between consecutive distinct values. Categorical features must hold integer codes in
 * {@code [0, maxBins)}.
 *
 * <p>Stateless; reads its inputs and never modifies them.
 */
public final class Binner {
    /** The largest number of rows whose values are sorted to place a numeric feature's edges. */
    public static final int SAMPLE_SIZE = 200_000;

    private Binner() {
    }

    /**
     * The bins of every feature: {@code columns[j]} is feature {@code j} over all rows, {@code rows}
     * the training rows to learn from, {@code maxBins} the most value bins (2..255), and
     * {@code categorical[j]} whether feature {@code j} holds category codes; {@code names} name the
     * features in errors.
     */
    public static FeatureBins[] fit(double[][] columns, int[] rows, int maxBins, boolean[] categorical, List<String> names) {
        return fit(columns, rows, maxBins, categorical, names, null);
    }

    /** Like {@link #fit(double[][], int[], int, boolean[], List)}, binning features in parallel on {@code pool}. */
    public static FeatureBins[] fit(double[][] columns, int[] rows, int maxBins, boolean[] categorical, List<String> names,
            ForkJoinPool pool) {
        Checks.checkArgument(maxBins >= 2 && maxBins < FeatureBins.MAX_BIN_COUNT, "max_bins: expected 2..%s, got %s",
                FeatureBins.MAX_BIN_COUNT - 1, maxBins);
        FeatureBins[] out = new FeatureBins[columns.length];
        ParallelLoop.run(pool, columns.length, columns.length, (part, from, to) -> {
            for (int j = from; j < to; j++) {
                out[j] = fitFeature(columns[j], rows, maxBins, categorical[j], names.get(j));
            }
        });
        return out;
    }

    /** The bins of one feature ({@code column} over all rows), learnt from {@code rows}; as {@link #fit} for one feature. */
    public static FeatureBins fitFeature(double[] column, int[] rows, int maxBins, boolean categorical, String name) {
        Checks.checkArgument(maxBins >= 2 && maxBins < FeatureBins.MAX_BIN_COUNT, "max_bins: expected 2..%s, got %s",
                FeatureBins.MAX_BIN_COUNT - 1, maxBins);
        return categorical ? categories(column, rows, maxBins, name) : FeatureBins.numeric(numericEdges(sample(column, rows), maxBins));
    }

    private static FeatureBins categories(double[] column, int[] rows, int maxBins, String name) {
        int max = -1;
        for (int row : rows) {
            double x = column[row];
            if (x != x) {
                continue;
            }
            Checks.checkArgument(x >= 0 && x < maxBins && x == Math.rint(x),
                    "categorical feature '%s' has value %s at row %s; expected integer codes 0..%s", name, x, row, maxBins - 1);
            max = Math.max(max, (int) x);
        }
        return FeatureBins.categorical(max + 1);
    }

    /** The non-missing values of a systematic sample of {@code rows}, sorted. */
    static double[] sample(double[] column, int[] rows) {
        int m = Math.min(rows.length, SAMPLE_SIZE);
        double[] values = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            double x = column[rows[(int) ((long) i * rows.length / m)]];
            if (x == x) {
                values[k++] = x;
            }
        }
        return sort(Arrays.copyOf(values, k));
    }

    /**
     * {@code values} (no NaN) in ascending order, exactly as {@link Arrays#sort(double[])} orders them
     * ({@code -0.0} before {@code 0.0}): a least-significant-digit radix sort on the values' bits made
     * order-preserving as unsigned keys, four passes of 16 bits, a pass skipped when every key has the same
     * digit. On the 200,000 sampled values of a feature it is a few times faster than the comparison sort.
     */
    static double[] sort(double[] values) {
        int n = values.length;
        if (n < 4_096) {
            Arrays.sort(values);
            return values;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            // negative: flip every bit (larger magnitude sorts lower); positive: flip the sign bit
            keys[i] = bits ^ (bits >> 63 | Long.MIN_VALUE);
        }
        long[] other = new long[n];
        int[] counts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(counts, 0);
            for (long key : keys) {
                counts[(int) (key >>> shift) & 0xFFFF]++;
            }
            if (counts[(int) (keys[0] >>> shift) & 0xFFFF] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < counts.length; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (long key : keys) {
                other[counts[(int) (key >>> shift) & 0xFFFF]++] = key;
            }
            long[] t = keys;
            keys = other;
            other = t;
        }
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            // undo: a key with its top bit set was positive (flip the sign back), else flip every bit
            values[i] = Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
        }
        return values;
    }

    /** Upper edges for sorted non-missing {@code values}: at most {@code maxBins - 1}, strictly ascending. */
    static double[] numericEdges(double[] values, int maxBins) {
        int n = values.length;
        double[] distinct = new double[n];
        int[] counts = new int[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (d > 0 && values[i] == distinct[d - 1]) {
                counts[d - 1]++;
            } else {
                distinct[d] = values[i];
                counts[d++] = 1;
            }
        }
        double[] edges = new double[Math.max(0, Math.min(d, maxBins) - 1)];
        int e = 0;
        if (d <= maxBins) {
            for (int i = 0; i + 1 < d; i++) {
                edges[e++] = midpoint(distinct[i], distinct[i + 1]);
            }
            return edges;
        }
        double perBin = (double) n / maxBins;
        long cumulative = 0;
        for (int i = 0; i + 1 < d && e < edges.length; i++) {
            cumulative += counts[i];
            if (cumulative >= perBin * (e + 1)) {
                edges[e++] = midpoint(distinct[i], distinct[i + 1]);
            }
        }
        return Arrays.copyOf(edges, e);
    }

    /** A value {@code m} with {@code a <= m < b}, halfway when rounding allows. */
    static double midpoint(double a, double b) {
        double middle = a / 2 + b / 2;
        return middle >= a && middle < b ? middle : a;
    }
}
