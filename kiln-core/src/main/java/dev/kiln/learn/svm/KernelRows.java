package dev.kiln.learn.svm;

import dev.kiln.learn.tree.ParallelLoop;
import java.util.concurrent.ForkJoinPool;

/**
 * The training rows of a kernel machine as one row-major {@code double[]} with their squared norms,
 * and the computation of kernel values between a row and a list of rows: the dot products run over
 * contiguous rows, split into parts on a fork/join pool when there is enough work. Each value depends
 * only on its two rows, so the results are the same bits whatever the thread count. Holds the arrays
 * it is given (not copied): callers must not modify them. Thread-safe for concurrent reads.
 */
final class KernelRows {
    /** Multiply-adds below which a row is computed on the caller's thread alone. */
    private static final int PARALLEL_WORK = 1 << 16;
    private static final int ROWS_PER_PART = 1024;

    private final double[] values;
    private final double[] squares;
    private final int rows;
    private final int dimension;
    private final Kernel kernel;
    private final ForkJoinPool pool;

    /** Rows of {@code dimension} values each in {@code values}; {@code pool} may be null (one thread). */
    KernelRows(double[] values, int dimension, Kernel kernel, ForkJoinPool pool) {
        this.values = values;
        this.dimension = dimension;
        this.rows = dimension == 0 ? 0 : values.length / dimension;
        this.kernel = kernel;
        this.pool = pool;
        this.squares = new double[rows];
        for (int i = 0; i < rows; i++) {
            squares[i] = Kernel.dot(values, i * dimension, values, i * dimension, dimension);
        }
    }

    int rows() {
        return rows;
    }

    int dimension() {
        return dimension;
    }

    /** The kernel value of rows {@code a} and {@code b}. */
    double value(int a, int b) {
        double dot = Kernel.dot(values, a * dimension, values, b * dimension, dimension);
        return kernel.value(dot, squares[a], squares[b]);
    }

    /** Writes {@code K(row, t)} into {@code out[t]} for the first {@code count} rows {@code t} of {@code targets}. */
    void fill(int row, int[] targets, int count, float[] out) {
        long work = (long) count * Math.max(1, dimension);
        if (pool == null || work < PARALLEL_WORK) {
            fillRange(row, targets, 0, count, out);
            return;
        }
        int parts = Math.max(2, Math.min(64, count / ROWS_PER_PART));
        ParallelLoop.run(pool, count, parts, (part, from, to) -> fillRange(row, targets, from, to, out));
    }

    private void fillRange(int row, int[] targets, int from, int to, float[] out) {
        int offset = row * dimension;
        double square = squares[row];
        for (int k = from; k < to; k++) {
            int t = targets[k];
            double dot = Kernel.dot(values, offset, values, t * dimension, dimension);
            out[t] = (float) kernel.value(dot, square, squares[t]);
        }
    }
}
