package dev.kiln.learn.neighbors;

import java.util.Arrays;

/**
 * A k-d tree over row-major rows: each inner node splits its rows at the median of the feature with
 * the widest spread, leaves hold at most {@code leafSize} rows. A search visits the nearer child first
 * and the farther one only when the splitting plane is not farther than the current {@code k}-th
 * neighbour (ties included), so it finds exactly what a brute-force scan finds. Built
 * deterministically from the rows; immutable afterwards, thread-safe to search, and the search
 * allocates nothing. Besides the k-nearest search of {@code knn}, it answers the radius queries of
 * {@code dbscan}: a count, the rows within a radius (into a reusable {@link Buffer}), and the nearest row
 * within a radius.
 */
public final class KdTree {
    private final double[] rows;
    private final int dimension;
    private final int[] order;
    private final int[] starts;
    private final int[] ends;
    private final int[] splitFeature;
    private final double[] splitValue;
    private final int[] left;
    private final int[] right;
    private int nodes;

    /** Growable list of row indexes, reused across queries by one thread. */
    public static final class Buffer {
        int[] rows = new int[64];
        int size;

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        /** How many rows the last queries added. */
        public int size() {
            return size;
        }

        /** Row {@code i} of those added. */
        public int row(int i) {
            return rows[i];
        }

        /** Empties the buffer for the next query. */
        public void clear() {
            size = 0;
        }
    }

    KdTree(double[] rows, int dimension, int leafSize) {
        this(rows, rows.length / dimension, dimension, leafSize);
    }

    /** A tree over the first {@code n} rows of the row-major {@code rows}, each of {@code dimension} values. */
    public KdTree(double[] rows, int n, int dimension, int leafSize) {
        this.rows = rows;
        this.dimension = dimension;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = 2 * Math.max(1, (n + leafSize - 1) / leafSize) * 2 + 1;
        starts = new int[capacity];
        ends = new int[capacity];
        splitFeature = new int[capacity];
        splitValue = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        build(0, n, leafSize);
    }

    private int build(int start, int end, int leafSize) {
        int node = nodes++;
        starts[node] = start;
        ends[node] = end;
        splitFeature[node] = -1;
        if (end - start <= leafSize) {
            return node;
        }
        int feature = widestFeature(start, end);
        if (feature < 0) {
            return node;
        }
        int middle = (start + end) >>> 1;
        select(start, end - 1, middle, feature);
        splitFeature[node] = feature;
        splitValue[node] = rows[order[middle] * dimension + feature];
        int l = build(start, middle, leafSize);
        int r = build(middle, end, leafSize);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /** The feature with the largest range over the rows {@code [start, end)}, or -1 when all are equal. */
    private int widestFeature(int start, int end) {
        int best = -1;
        double bestSpread = 0;
        for (int j = 0; j < dimension; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                double v = rows[order[i] * dimension + j];
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

    /** Quickselect on {@code order[lo..hi]}: afterwards position {@code k} holds its order statistic by {@code feature}. */
    private void select(int lo, int hi, int k, int feature) {
        while (lo < hi) {
            double pivot = rows[order[(lo + hi) >>> 1] * dimension + feature];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (rows[order[i] * dimension + feature] < pivot) {
                    i++;
                }
                while (rows[order[j] * dimension + feature] > pivot) {
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

    /** Offers every row that can be among the nearest of {@code query} to {@code heap}. */
    void search(double[] query, NeighborHeap heap) {
        search(0, query, heap);
    }

    private void search(int node, double[] query, NeighborHeap heap) {
        int feature = splitFeature[node];
        if (feature < 0) {
            for (int i = starts[node]; i < ends[node]; i++) {
                int row = order[i];
                heap.offer(Distances.squared(query, rows, row * dimension, dimension), row);
            }
            return;
        }
        double diff = query[feature] - splitValue[node];
        int near = diff <= 0 ? left[node] : right[node];
        int far = diff <= 0 ? right[node] : left[node];
        search(near, query, heap);
        if (!heap.full() || diff * diff <= heap.worst()) {
            search(far, query, heap);
        }
    }

    /** How many rows lie within distance {@code sqrt(radius2)} of {@code q[qo..qo+dimension)}, the row itself included. */
    public int count(double[] q, int qo, double radius2) {
        return count(0, q, qo, radius2, Math.sqrt(radius2));
    }

    private int count(int node, double[] q, int qo, double radius2, double radius) {
        int feature = splitFeature[node];
        if (feature < 0) {
            int found = 0;
            for (int i = starts[node]; i < ends[node]; i++) {
                if (plainSquared(order[i], q, qo) <= radius2) {
                    found++;
                }
            }
            return found;
        }
        double diff = q[qo + feature] - splitValue[node];
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
    public void within(double[] q, int qo, double radius2, Buffer out) {
        within(0, q, qo, radius2, Math.sqrt(radius2), out);
    }

    private void within(int node, double[] q, int qo, double radius2, double radius, Buffer out) {
        int feature = splitFeature[node];
        if (feature < 0) {
            for (int i = starts[node]; i < ends[node]; i++) {
                if (plainSquared(order[i], q, qo) <= radius2) {
                    out.add(order[i]);
                }
            }
            return;
        }
        double diff = q[qo + feature] - splitValue[node];
        if (diff - radius <= 0) {
            within(left[node], q, qo, radius2, radius, out);
        }
        if (diff + radius >= 0) {
            within(right[node], q, qo, radius2, radius, out);
        }
    }

    /** The nearest row within distance {@code sqrt(radius2)} of the query (the lowest index on ties), or -1. */
    public int nearestWithin(double[] q, int qo, double radius2) {
        return nearest(0, q, qo, radius2, -1);
    }

    private int nearest(int node, double[] q, int qo, double radius2, int best) {
        double bestDistance = best < 0 ? radius2 : plainSquared(best, q, qo);
        int feature = splitFeature[node];
        if (feature < 0) {
            for (int i = starts[node]; i < ends[node]; i++) {
                int row = order[i];
                double distance = plainSquared(row, q, qo);
                if ((distance < bestDistance || (distance == bestDistance && (best < 0 || row < best))) && distance <= radius2) {
                    best = row;
                    bestDistance = distance;
                }
            }
            return best;
        }
        double diff = q[qo + feature] - splitValue[node];
        int first = diff <= 0 ? left[node] : right[node];
        int second = diff <= 0 ? right[node] : left[node];
        best = nearest(first, q, qo, radius2, best);
        bestDistance = best < 0 ? radius2 : plainSquared(best, q, qo);
        if (diff * diff <= bestDistance) {
            best = nearest(second, q, qo, radius2, best);
        }
        return best;
    }

    /**
     * The squared distance of row {@code row} to {@code q[qo..)}, summed in feature order: the radius queries keep
     * this plain order (not {@link Distances}'s two accumulators) so DBSCAN's eps boundaries match scikit-learn's.
     */
    private double plainSquared(int row, double[] q, int qo) {
        int offset = row * dimension;
        double sum = 0;
        for (int j = 0; j < dimension; j++) {
            double diff = rows[offset + j] - q[qo + j];
            sum += diff * diff;
        }
        return sum;
    }
}
