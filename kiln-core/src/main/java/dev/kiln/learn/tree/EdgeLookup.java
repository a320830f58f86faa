package dev.kiln.learn.tree;

/**
 * Fast exact bins for a numeric feature's many values: the range of its edges is cut into
 * {@value #CELLS} equal cells, each knowing which edges it spans, so a value's lower bound is searched
 * among the (usually zero or one) edges of its cell instead of all of them, then checked against its two
 * neighbours; a value outside the range, or one that rounding put in the wrong cell, takes the full
 * binary search. So {@link #bin} always equals {@link FeatureBins#bin}. Immutable.
 */
final class EdgeLookup {
    private static final int CELLS = 4096;
    private final double[] edges;
    private final double low;
    private final double scale;
    private final int[] first;

    /** A lookup for strictly ascending {@code edges}, at least two. */
    EdgeLookup(double[] edges) {
        this.edges = edges;
        int n = edges.length;
        this.low = edges[0];
        double s = CELLS / (edges[n - 1] - low);
        this.scale = Double.isFinite(s) && s > 0 ? s : 0;
        this.first = new int[CELLS + 1];
        for (int c = 0; c <= CELLS; c++) {
            first[c] = scale > 0 ? lowerBound(low + c / scale, 0, n) : 0;
        }
    }

    /** The bin of {@code x}: 0 for NaN, else 1 + the index of the first edge {@code >= x}. */
    int bin(double x) {
        if (x != x) {
            return FeatureBins.MISSING_BIN;
        }
        int n = edges.length;
        double t = (x - low) * scale;
        int r;
        if (t >= 0 && t < CELLS) {
            int c = (int) t;
            r = lowerBound(x, first[c], first[c + 1]);
            if (r > 0 && edges[r - 1] >= x || r < n && edges[r] < x) {
                r = lowerBound(x, 0, n);
            }
        } else {
            r = lowerBound(x, 0, n);
        }
        return r + 1;
    }

    /** The first index in {@code [from, to)} whose edge is {@code >= x}, or {@code to}. */
    private int lowerBound(double x, int from, int to) {
        int base = from;
        int len = to - from;
        while (len > 0) {
            int half = len >>> 1;
            if (edges[base + half] < x) {
                base += half + 1;
                len -= half + 1;
            } else {
                len = half;
            }
        }
        return base;
    }
}
