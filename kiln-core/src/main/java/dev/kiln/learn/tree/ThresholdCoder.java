package dev.kiln.learn.tree;

import dev.kiln.data.NumericColumn;
import java.util.Arrays;

/**
 * Counts, for many values of one feature, how many of its sorted distinct thresholds lie below each value: the codes
 * {@link QuantizedTrees} walks on. The thresholds' range is cut into equal cells by {@code cell(v) = clamp((int) ((v -
 * low) * scale))}, a function that never decreases in {@code v}; so every threshold in a cell below {@code v}'s is below
 * {@code v} and every one in a cell above is above, and a value's count is the number of thresholds in lower cells
 * (one table load) plus a fixed few comparisons with the thresholds of its own cell. Exact for every double: NaN
 * counts none, infinities fall in the end cells. When the cells cannot be made fine enough (a threshold range that is
 * infinite, or a few thresholds crowded among far ones) a search without branches over all thresholds takes over.
 *
 * <p>Immutable and thread-safe; {@link #count} and {@link #encode} allocate nothing.
 */
final class ThresholdCoder {
    private static final int MAX_CELLS = 4096;
    /** The most thresholds one cell may hold before the halving search is used instead. */
    private static final int MAX_SPAN = 4;

    /** The thresholds, padded with {@code +Infinity}: by {@link #span} (at least 2) for the cells, to a power of two for the search. */
    private final double[] thresholds;
    private final double low;
    private final double scale;
    private final int cells;
    /** Per cell: how many thresholds lie in lower cells; null when the search is used. */
    private final char[] first;
    /** The most thresholds in one cell: comparisons made per value after the table load. */
    private final int span;

    /** A coder for strictly ascending {@code sorted} thresholds (no NaN, at most 65535). */
    ThresholdCoder(double[] sorted) {
        int m = sorted.length;
        double range = m > 0 ? sorted[m - 1] - sorted[0] : 0;
        this.low = m > 0 ? sorted[0] : 0;
        int best = 1;
        int bestSpan = m;
        double bestScale = 0;
        for (int c = 2; c <= MAX_CELLS && bestSpan > 1 && range > 0 && Double.isFinite(range); c <<= 1) {
            double s = c / range;
            int width = maxOccupancy(sorted, low, s, c);
            if (width < bestSpan) {
                best = c;
                bestSpan = width;
                bestScale = s;
            }
        }
        if (bestSpan <= MAX_SPAN) {
            this.cells = best;
            this.scale = bestScale;
            this.span = bestSpan;
            this.first = new char[best];
            for (double t : sorted) {
                int c = cell(t, low, bestScale, best);
                if (c + 1 < best) {
                    first[c + 1]++;
                }
            }
            for (int c = 1; c < best; c++) {
                first[c] += first[c - 1];
            }
            this.thresholds = pad(sorted, m + Math.max(2, bestSpan));
        } else {
            this.cells = 0;
            this.scale = 0;
            this.span = 0;
            this.first = null;
            this.thresholds = pad(sorted, m == 0 ? 0 : Integer.highestOneBit(m) << 1);
        }
    }

    private static double[] pad(double[] sorted, int length) {
        double[] out = Arrays.copyOf(sorted, length);
        Arrays.fill(out, sorted.length, length, Double.POSITIVE_INFINITY);
        return out;
    }

    /** The cell of {@code v} among {@code cells}: never decreasing in {@code v}; NaN falls in cell 0. */
    private static int cell(double v, double low, double scale, int cells) {
        return Math.min(Math.max((int) ((v - low) * scale), 0), cells - 1);
    }

    /** The most of {@code sorted} that fall in one cell. */
    private static int maxOccupancy(double[] sorted, double low, double scale, int cells) {
        int max = 0;
        int run = 0;
        int previous = -1;
        for (double t : sorted) {
            int c = cell(t, low, scale, cells);
            run = c == previous ? run + 1 : 1;
            previous = c;
            max = Math.max(max, run);
        }
        return max;
    }

    /**
     * Writes the codes of rows {@code [from, to)} of {@code column} as {@link QuantizedTrees} reads them: for row {@code i}, at
     * {@code codes[at + (i - from) * stride]} the count of thresholds below the value, or {@code nanHigh} for NaN, and
     * in the next byte the count (0 for NaN), each less {@code offset}. One loop per way of counting, so that none
     * decides per value.
     */
    void encode(NumericColumn column, int from, int to, byte[] codes, int at, int stride, int nanHigh, int offset) {
        double[] t = thresholds;
        int o = at;
        if (first == null) {
            for (int i = from; i < to; i++, o += stride) {
                double v = column.get(i);
                int q = 0;
                for (int h = t.length >>> 1; h > 0; h >>>= 1) {
                    q += t[q + h - 1] < v ? h : 0;
                }
                put(codes, o, v, q, nanHigh, offset);
            }
        } else if (span <= 2) {
            for (int i = from; i < to; i++, o += stride) {
                double v = column.get(i);
                int s = first[cell(v, low, scale, cells)];
                int q = s + (t[s] < v ? 1 : 0) + (t[s + 1] < v ? 1 : 0);
                put(codes, o, v, q, nanHigh, offset);
            }
        } else {
            for (int i = from; i < to; i++, o += stride) {
                double v = column.get(i);
                put(codes, o, v, count(v), nanHigh, offset);
            }
        }
    }

    private static void put(byte[] codes, int o, double v, int q, int nanHigh, int offset) {
        codes[o] = (byte) ((v != v ? nanHigh : q) - offset);
        codes[o + 1] = (byte) (q - offset); // a NaN counts no threshold below it: 0
    }

    /** The number of thresholds below {@code v}: 0 for NaN. */
    int count(double v) {
        double[] t = thresholds;
        if (first == null) {
            int q = 0;
            for (int h = t.length >>> 1; h > 0; h >>>= 1) {
                q += t[q + h - 1] < v ? h : 0;
            }
            return q;
        }
        int s = first[cell(v, low, scale, cells)];
        int q = s;
        for (int j = 0; j < span; j++) {
            q += t[s + j] < v ? 1 : 0;
        }
        return q;
    }
}
