package dev.kiln.learn.tree;

import dev.kiln.data.Checks;
import java.util.Arrays;

/**
 * How one feature's values map to histogram bins. Bin 0 holds missing values (NaN); the value bins
 * follow. A numeric feature has ascending upper edges: a value {@code x} goes to the first bin whose
 * edge is {@code >= x} (the last bin is unbounded), so rows in bins {@code 1..b} are exactly the rows
 * with {@code x <= threshold(b)}, which keeps binned training and raw-value prediction consistent. A
 * categorical feature holds integer codes {@code 0..categories-1} in bins {@code 1..categories}; any
 * other value (NaN, fractional, out of range) falls in bin 0.
 *
 * <p>Immutable; {@link #bin} allocates nothing and costs a binary search over at most 255 edges.
 */
public final class FeatureBins {
    /** The bin of missing values. */
    public static final int MISSING_BIN = 0;
    /** The most bins a feature may have, the missing bin included (so a bin fits an unsigned byte). */
    public static final int MAX_BIN_COUNT = 256;

    private final double[] upperEdges;
    private final int valueBins;
    private final boolean categorical;

    private FeatureBins(double[] upperEdges, int valueBins, boolean categorical) {
        Checks.checkArgument(valueBins >= 1 && valueBins + 1 <= MAX_BIN_COUNT, "bins: expected 1..%s value bins, got %s",
                MAX_BIN_COUNT - 1, valueBins);
        this.upperEdges = upperEdges;
        this.valueBins = valueBins;
        this.categorical = categorical;
    }

    /** A numeric feature with the given strictly ascending upper edges (one fewer than its value bins). */
    public static FeatureBins numeric(double[] upperEdges) {
        for (int i = 1; i < upperEdges.length; i++) {
            // the message is formatted only on failure: formatting every edge per check made this quadratic
            if (!(upperEdges[i - 1] < upperEdges[i])) {
                throw new IllegalArgumentException("bins: edges must ascend strictly, got " + Arrays.toString(upperEdges));
            }
        }
        return new FeatureBins(upperEdges.clone(), upperEdges.length + 1, false);
    }

    /** A categorical feature with integer codes {@code 0..categories-1}. */
    public static FeatureBins categorical(int categories) {
        return new FeatureBins(new double[0], Math.max(1, categories), true);
    }

    /** The bin of {@code x}. */
    public int bin(double x) {
        if (categorical) {
            return categoryBin(x, valueBins);
        }
        if (x != x) {
            return MISSING_BIN;
        }
        double[] edges = upperEdges;
        int n = edges.length;
        if (n == 0) {
            return 1;
        }
        // branch-free lower bound: the first edge >= x (a conditional move per step, no mispredictions)
        int base = 0;
        while (n > 1) {
            int half = n >>> 1;
            base = edges[base + half] < x ? base + half : base;
            n -= half;
        }
        return base + (edges[base] < x ? 1 : 0) + 1;
    }

    /** The bin of category value {@code x} among {@code categories}: its code + 1, or 0 when it is not a valid code. */
    public static int categoryBin(double x, int categories) {
        return x >= 0 && x < categories && x == Math.rint(x) ? (int) x + 1 : MISSING_BIN;
    }

    /** The raw threshold of a split after value bin {@code bin}: rows in bins {@code 1..bin} have {@code x <= threshold}. */
    public double threshold(int bin) {
        return bin - 1 < upperEdges.length ? upperEdges[bin - 1] : Double.POSITIVE_INFINITY;
    }

    /** The number of bins, the missing bin included. */
    public int binCount() {
        return valueBins + 1;
    }

    public boolean isCategorical() {
        return categorical;
    }

    /** A copy of the upper edges (empty for a categorical feature). */
    public double[] upperEdges() {
        return upperEdges.clone();
    }
}
