package dev.kiln.explore;

/**
 * The ascending order of the present values of a {@code double[]} by least-significant-digit radix sort on their
 * order-preserving 64-bit keys: six passes of 11 bits (2048 buckets, whose write positions stay in cache), the
 * counts of every pass taken in one first pass, and a pass skipped when all keys share its digit. O(n) time,
 * stable, no boxing. Used to order a column once for its quantiles and its Spearman ranks, where a comparison sort
 * spends most of its time on branch and cache misses. Stateless.
 */
final class RadixOrder {
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private RadixOrder() {
    }

    /** Indexes of the non-NaN values, ordered by value (-0.0 equal to 0.0; ties keep index order). */
    static int[] of(double[] values) {
        return of(values, null);
    }

    /**
     * As {@link #of(double[])}, also writing the present values in ascending order into {@code sorted} (at least as
     * long as there are present values; -0.0 comes out as 0.0) when it is not null: read back from the sorted keys,
     * so without a gather through the order.
     */
    static int[] of(double[] values, double[] sorted) {
        int present = 0;
        for (double v : values) {
            present += Double.isNaN(v) ? 0 : 1;
        }
        long[] keys = new long[present];
        int[] order = new int[present];
        int[][] counts = new int[PASSES][BUCKETS];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                long k = key(v == 0.0 ? 0.0 : v);
                keys[n] = k;
                order[n++] = i;
                for (int p = 0; p < PASSES; p++) {
                    counts[p][(int) ((k >>> (p * BITS)) & (BUCKETS - 1))]++;
                }
            }
        }
        long[] keysOut = new long[present];
        int[] orderOut = new int[present];
        for (int p = 0; p < PASSES; p++) {
            int[] count = counts[p];
            if (present == 0 || count[(int) ((keys[0] >>> (p * BITS)) & (BUCKETS - 1))] == present) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            int shift = p * BITS;
            for (int i = 0; i < present; i++) {
                long k = keys[i];
                int to = count[(int) ((k >>> shift) & (BUCKETS - 1))]++;
                keysOut[to] = k;
                orderOut[to] = order[i];
            }
            long[] swapKeys = keys;
            keys = keysOut;
            keysOut = swapKeys;
            int[] swapOrder = order;
            order = orderOut;
            orderOut = swapOrder;
        }
        if (sorted != null) {
            for (int i = 0; i < present; i++) {
                sorted[i] = value(keys[i]);
            }
        }
        return order;
    }

    /** The double whose {@link #key} is {@code k}. */
    private static double value(long k) {
        return Double.longBitsToDouble(k < 0 ? k ^ Long.MIN_VALUE : ~k);
    }

    /** A key whose unsigned order is the numeric order of {@code v}. */
    private static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }
}
