package dev.kiln.learn.tree;

/**
 * The training rows sorted once by each feature, kept partitioned as the tree grows: for every node,
 * the segment {@code [start, end)} of {@link #order(int)} lists the node's rows in increasing order of
 * feature {@code j} (ties by row index), and {@link #rows()} lists them in row order. Splitting a node
 * partitions every list stably, so no list is ever sorted again. Memory {@code (features + 1) × rows}
 * ints; mutable, used by one grower.
 */
final class SortedRows {
    private final int[][] orders;
    private final int[] buffer;

    private SortedRows(int[][] orders, int rows) {
        this.orders = orders;
        this.buffer = new int[rows];
    }

    /** Sorts the rows by each of {@code columns} (p arrays of {@code rows} values). */
    static SortedRows of(double[][] columns, int rows) {
        int[][] orders = new int[columns.length + 1][];
        for (int j = 0; j <= columns.length; j++) {
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            if (j < columns.length) {
                mergeSort(order, new int[rows], 0, rows, columns[j]);
            }
            orders[j] = order;
        }
        return new SortedRows(orders, rows);
    }

    /** The rows sorted by feature {@code feature}. */
    int[] order(int feature) {
        return orders[feature];
    }

    /** The rows in row order. */
    int[] rows() {
        return orders[orders.length - 1];
    }

    /**
     * Moves the rows of {@code [start, end)} with {@code goesLeft[row]} to the front of every list,
     * keeping their order; returns how many went left.
     */
    int partition(int start, int end, boolean[] goesLeft) {
        int leftCount = 0;
        for (int[] order : orders) {
            int left = start;
            int right = 0;
            for (int i = start; i < end; i++) {
                int row = order[i];
                if (goesLeft[row]) {
                    order[left++] = row;
                } else {
                    buffer[right++] = row;
                }
            }
            System.arraycopy(buffer, 0, order, left, right);
            leftCount = left - start;
        }
        return leftCount;
    }

    /** Stable merge sort of {@code order[from, to)} by {@code keys[order[i]]}. */
    private static void mergeSort(int[] order, int[] scratch, int from, int to, double[] keys) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(order, scratch, from, middle, keys);
        mergeSort(order, scratch, middle, to, keys);
        if (keys[order[middle - 1]] <= keys[order[middle]]) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int a = from;
        int b = middle;
        for (int i = from; i < to; i++) {
            if (b >= to || (a < middle && keys[scratch[a]] <= keys[scratch[b]])) {
                order[i] = scratch[a++];
            } else {
                order[i] = scratch[b++];
            }
        }
    }
}
