package dev.kiln.learn.svm;

import dev.kiln.data.Checks;

/**
 * A least-recently-used cache of kernel rows {@code K(r, ·)} in single precision (as libsvm's
 * {@code Qfloat}), bounded by a size in bytes. A row may be partial: computed only on the rows that
 * were active in the solver when it was filled. Partial rows stay valid while the active set only
 * shrinks; {@link #grow()} marks the moment it grows again, after which partial rows are refilled.
 * Not thread-safe (one solver owns it); the row computation itself may be parallel.
 */
final class KernelCache {
    private static final int NONE = -1;

    private final KernelRows rows;
    private final int capacity;
    private final float[][] data;
    private final int[] epochOf;
    private final boolean[] full;
    private final int[] previous;
    private final int[] next;
    private final int[] all;
    private int head = NONE;
    private int tail = NONE;
    private int size;
    private int epoch;
    private long misses;
    private long requests;

    /** A cache over {@code rows} holding at most {@code bytes} of row data (and never fewer than two rows). */
    KernelCache(KernelRows rows, long bytes) {
        Checks.checkArgument(bytes > 0, "cache size must be > 0 bytes: %s", bytes);
        int n = rows.rows();
        this.rows = rows;
        this.capacity = (int) Math.max(2, Math.min(n, bytes / (4L * Math.max(1, n))));
        this.data = new float[n][];
        this.epochOf = new int[n];
        this.full = new boolean[n];
        this.previous = new int[n];
        this.next = new int[n];
        this.all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
    }

    /** Row {@code r}, valid at least on the first {@code count} rows of {@code targets} (the active rows). */
    float[] row(int r, int[] targets, int count) {
        requests++;
        float[] row = data[r];
        if (row != null && (full[r] || epochOf[r] == epoch)) {
            touch(r);
            return row;
        }
        misses++;
        row = slot(r);
        full[r] = rows.fill(r, targets, count, row);
        epochOf[r] = epoch;
        return row;
    }

    /** Row {@code r}, valid on every row. */
    float[] fullRow(int r) {
        requests++;
        float[] row = data[r];
        if (row != null && full[r]) {
            touch(r);
            return row;
        }
        misses++;
        row = slot(r);
        full[r] = rows.fill(r, all, all.length, row);
        epochOf[r] = epoch;
        return row;
    }

    /** Called when the active set grows: partial rows filled before are no longer valid. */
    void grow() {
        epoch++;
    }

    /** The share of requests that had to compute their row. */
    double missRate() {
        return requests == 0 ? 0 : (double) misses / requests;
    }

    /** The array for row {@code r}, made most recent: its own if cached, else a new or evicted one. */
    private float[] slot(int r) {
        if (data[r] != null) {
            touch(r);
            return data[r];
        }
        float[] row;
        if (size < capacity) {
            row = new float[rows.rows()];
            size++;
        } else {
            int victim = tail;
            unlink(victim);
            row = data[victim];
            data[victim] = null;
        }
        data[r] = row;
        pushFront(r);
        return row;
    }

    private void touch(int r) {
        if (head != r) {
            unlink(r);
            pushFront(r);
        }
    }

    private void unlink(int r) {
        int p = previous[r];
        int n = next[r];
        if (p != NONE) {
            next[p] = n;
        } else {
            head = n;
        }
        if (n != NONE) {
            previous[n] = p;
        } else {
            tail = p;
        }
    }

    private void pushFront(int r) {
        previous[r] = NONE;
        next[r] = head;
        if (head != NONE) {
            previous[head] = r;
        }
        head = r;
        if (tail == NONE) {
            tail = r;
        }
    }
}
