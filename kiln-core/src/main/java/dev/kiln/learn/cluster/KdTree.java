package dev.kiln.learn.cluster;

import java.util.Arrays;

/**
 * A k-d tree over the rows of a row-major array (Bentley, 1975): nodes split at the median of the
 * dimension with the widest spread, down to leaves of at most {@value #LEAF_SIZE} rows. Answers radius
 * queries (count, or list into a reusable buffer) and the nearest row within a radius. Built once,
 * deterministically from the rows; immutable and thread-safe afterwards; queries allocate nothing except
 * when a buffer grows. Build cost {@code O(n log n)}; query cost about {@code O(log n)} plus the rows found
 * in low dimensions.
 */
final class KdTree {
    static final int LEAF_SIZE = 16;

    private final double[] points;
    private final int d;
    private final int[] order;
    private int[] from;
    private int[] to;
    private int[] splitDimension;
    private double[] splitValue;
    private int[] left;
    private int[] right;
    private int nodes;

    /** Growable list of row indexes, reused across queries by one thread. */
    static final class Buffer {
        int[] rows = new int[64];
        int size;

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }
    }

    KdTree(double[] points, int n, int d) {
        this.points = points;
        this.d = d;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = Math.max(1, 2 * (n / LEAF_SIZE + 1));
        from = new int[capacity];
        to = new int[capacity];
        splitDimension = new int[capacity];
        splitValue = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        if (n > 0) {
            build(0, n);
        }
    }

    private int build(int lo, int hi) {
        int node = newNode();
        from[node] = lo;
        to[node] = hi;
        splitDimension[node] = -1;
        if (hi - lo <= LEAF_SIZE) {
            return node;
        }
        int dimension = widest(lo, hi);
        if (dimension < 0) {
            return node; // every row identical: a leaf however large
        }
        int middle = (lo + hi) >>> 1;
        select(lo, hi - 1, middle, dimension);
        splitDimension[node] = dimension;
        splitValue[node] = points[order[middle] * d + dimension];
        int l = build(lo, middle);
        int r = build(middle, hi);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private int widest(int lo, int hi) {
        int best = -1;
        double bestSpread = 0;
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = points[order[i] * d + j];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = j;
            }
        }
        return best;
    }

    /** Hoare's quickselect on {@code order[lo..hi]}: the {@code k}-th by {@code dimension}, smaller before, larger after. */
    private void select(int lo, int hi, int k, int dimension) {
        while (hi > lo) {
            double pivot = points[order[(lo + hi) >>> 1] * d + dimension];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (points[order[i] * d + dimension] < pivot) {
                    i++;
                }
                while (points[order[j] * d + dimension] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private int newNode() {
        if (nodes == from.length) {
            int capacity = nodes * 2;
            from = Arrays.copyOf(from, capacity);
            to = Arrays.copyOf(to, capacity);
            splitDimension = Arrays.copyOf(splitDimension, capacity);
            splitValue = Arrays.copyOf(splitValue, capacity);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
        }
        return nodes++;
    }

    /** How many rows lie within distance {@code sqrt(radius2)} of {@code q[qo..qo+d)}, the row itself included. */
    int count(double[] q, int qo, double radius2) {
        return nodes == 0 ? 0 : count(0, q, qo, radius2, Math.sqrt(radius2));
    }

    private int count(int node, double[] q, int qo, double radius2, double radius) {
        int dimension = splitDimension[node];
        if (dimension < 0) {
            int found = 0;
            for (int i = from[node]; i < to[node]; i++) {
                if (Distances.squared(points, order[i] * d, q, qo, d) <= radius2) {
                    found++;
                }
            }
            return found;
        }
        double diff = q[qo + dimension] - splitValue[node];
        int found = 0;
        if (diff - radius <= 0) {
            found += count(left[node], q, qo, radius2, radius);
        }
        if (diff + radius >= 0) {
            found += count(right[node], q, qo, radius2, radius);
        }
        return found;
    }

    /** Adds to {@code out} every row within distance {@code sqrt(radius2)} of the query. */
    void within(double[] q, int qo, double radius2, Buffer out) {
        if (nodes > 0) {
            within(0, q, qo, radius2, Math.sqrt(radius2), out);
        }
    }

    private void within(int node, double[] q, int qo, double radius2, double radius, Buffer out) {
        int dimension = splitDimension[node];
        if (dimension < 0) {
            for (int i = from[node]; i < to[node]; i++) {
                if (Distances.squared(points, order[i] * d, q, qo, d) <= radius2) {
                    out.add(order[i]);
                }
            }
            return;
        }
        double diff = q[qo + dimension] - splitValue[node];
        if (diff - radius <= 0) {
            within(left[node], q, qo, radius2, radius, out);
        }
        if (diff + radius >= 0) {
            within(right[node], q, qo, radius2, radius, out);
        }
    }

    /** The nearest row within distance {@code sqrt(radius2)} of the query (the lowest index on ties), or -1. */
    int nearestWithin(double[] q, int qo, double radius2) {
        return nodes == 0 ? -1 : nearest(0, q, qo, radius2, -1);
    }

    private int nearest(int node, double[] q, int qo, double radius2, int best) {
        double bestDistance = best < 0 ? radius2 : Distances.squared(points, best * d, q, qo, d);
        int dimension = splitDimension[node];
        if (dimension < 0) {
            for (int i = from[node]; i < to[node]; i++) {
                int row = order[i];
                double distance = Distances.squared(points, row * d, q, qo, d);
                if (distance < bestDistance || (distance == bestDistance && (best < 0 || row < best))) {
                    if (distance <= radius2) {
                        best = row;
                        bestDistance = distance;
                    }
                }
            }
            return best;
        }
        double diff = q[qo + dimension] - splitValue[node];
        int first = diff <= 0 ? left[node] : right[node];
        int second = diff <= 0 ? right[node] : left[node];
        best = nearest(first, q, qo, radius2, best);
        bestDistance = best < 0 ? radius2 : Distances.squared(points, best * d, q, qo, d);
        if (diff * diff <= bestDistance) {
            best = nearest(second, q, qo, radius2, best);
        }
        return best;
    }
}
