package dev.kiln.learn.neighbors;

/**
 * The {@code k} nearest candidates seen so far, as a bounded max-heap ordered by squared distance and
 * then by row index, so that ties are broken towards the lower row and the kept set does not depend on
 * the order candidates are offered in. Preallocated: {@link #offer} and {@link #sort} allocate
 * nothing. Not thread-safe.
 */
final class NeighborHeap {
    private final double[] distances;
    private final int[] rows;
    private int size;

    NeighborHeap(int k) {
        distances = new double[k];
        rows = new int[k];
    }

    void clear() {
        size = 0;
    }

    boolean full() {
        return size == distances.length;
    }

    /** The largest kept squared distance; only meaningful when {@link #full()}. */
    double worst() {
        return distances[0];
    }

    /** Keeps {@code row} at squared distance {@code distance} if it is among the nearest so far. */
    void offer(double distance, int row) {
        if (size < distances.length) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!after(distance, row, distances[parent], rows[parent])) {
                    break;
                }
                distances[i] = distances[parent];
                rows[i] = rows[parent];
                i = parent;
            }
            distances[i] = distance;
            rows[i] = row;
            return;
        }
        if (!after(distances[0], rows[0], distance, row)) {
            return;
        }
        siftDown(0, size, distance, row);
    }

    /** Sorts the kept candidates nearest first (heap order is lost); read them with {@link #distance} and {@link #row}. */
    void sort() {
        for (int end = size - 1; end > 0; end--) {
            double d = distances[end];
            int r = rows[end];
            distances[end] = distances[0];
            rows[end] = rows[0];
            siftDown(0, end, d, r);
        }
    }

    int size() {
        return size;
    }

    double distance(int i) {
        return distances[i];
    }

    int row(int i) {
        return rows[i];
    }

    private void siftDown(int start, int end, double distance, int row) {
        int i = start;
        while (true) {
            int child = 2 * i + 1;
            if (child >= end) {
                break;
            }
            if (child + 1 < end && after(distances[child + 1], rows[child + 1], distances[child], rows[child])) {
                child++;
            }
            if (!after(distances[child], rows[child], distance, row)) {
                break;
            }
            distances[i] = distances[child];
            rows[i] = rows[child];
            i = child;
        }
        distances[i] = distance;
        rows[i] = row;
    }

    /** Whether candidate {@code (d1, r1)} comes after {@code (d2, r2)}: farther, or as far with a higher row. */
    private static boolean after(double d1, int r1, double d2, int r2) {
        return d1 > d2 || d1 == d2 && r1 > r2;
    }
}
