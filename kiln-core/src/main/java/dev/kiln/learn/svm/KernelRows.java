package dev.kiln.learn.svm;

import dev.kiln.learn.ParallelLoop;
import java.util.concurrent.ForkJoinPool;

/**
 * The training rows of a kernel machine, row-major and transposed (feature-major), with their squared
 * norms, and the computation of kernel rows {@code K(r, ·)}. Most targets: a feature-major pass
 * {@code dot[t] += x_rj · x_tj} over contiguous targets, which the JIT vectorises, in blocks that stay
 * in L1 cache; few targets (a shrunk active set): one dot product per listed target. Both sum the
 * features in the same order, so a value has the same bits on either path, and parts run on a
 * fork/join pool when there is enough work, each writing its own targets, so the results never depend
 * on the thread count. Holds the row-major array it is given (not copied): callers must not modify it.
 * One {@link #fill} at a time (it owns a scratch row); {@link #value} is safe from any thread.
 */
final class KernelRows {
    /** Multiply-adds below which a row is computed on the caller's thread alone. */
    private static final int PARALLEL_WORK = 1 << 16;
    private static final int BLOCK = 1024;

    private final double[] values;
    private final double[][] columns;
    private final double[] dots;
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
        this.columns = new double[dimension][rows];
        this.dots = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < dimension; j++) {
                double v = values[i * dimension + j];
                s += v * v;
                columns[j][i] = v;
            }
            squares[i] = s;
        }
    }

    int rows() {
        return rows;
    }

    int dimension() {
        return dimension;
    }

    /** The kernel value of rows {@code a} and {@code b}, summed as {@link #fill} sums it. */
    double value(int a, int b) {
        return kernel.value(dot(a * dimension, b * dimension), squares[a], squares[b]);
    }

    /**
     * The dot product of the rows at {@code a} and {@code b} in {@code values}, in the order of
     * {@link #fillBlock}: four features' products summed left to right, then added to the running sum.
     */
    private double dot(int a, int b) {
        double s = 0;
        int j = 0;
        for (; j + 3 < dimension; j += 4) {
            s += values[a + j] * values[b + j] + values[a + j + 1] * values[b + j + 1]
                    + values[a + j + 2] * values[b + j + 2] + values[a + j + 3] * values[b + j + 3];
        }
        for (; j < dimension; j++) {
            s += values[a + j] * values[b + j];
        }
        return s;
    }

    /**
     * Writes {@code K(row, t)} into {@code out[t]} at least for the first {@code count} rows {@code t} of
     * {@code targets} (ascending); returns true when it wrote every row, which it does when the targets
     * are most of them.
     */
    boolean fill(int row, int[] targets, int count, float[] out) {
        boolean full = 3L * count >= 2L * rows;
        int work = full ? rows : count;
        if (pool == null || (long) work * Math.max(1, dimension) < PARALLEL_WORK) {
            fillPart(row, targets, 0, work, out, full);
            return full;
        }
        int parts = Math.max(2, Math.min(64, work / (4 * BLOCK)));
        ParallelLoop.run(pool, work, parts, (part, from, to) -> fillPart(row, targets, from, to, out, full));
        return full;
    }

    private void fillPart(int row, int[] targets, int from, int to, float[] out, boolean full) {
        if (full) {
            for (int start = from; start < to; start += BLOCK) {
                fillBlock(row, start, Math.min(to, start + BLOCK), out);
            }
        } else {
            fillListed(row, targets, from, to, out);
        }
    }

    /**
     * Targets {@code [from, to)}, contiguous: feature-major multiply-adds into the shared {@code dots}
     * (parts own disjoint ranges); the same index in all arrays lets the JIT vectorise the loop, and four
     * features a pass load and store the sums a quarter as often (the loop is bound by those, not the
     * arithmetic).
     */
    private void fillBlock(int row, int from, int to, float[] out) {
        int offset = row * dimension;
        double[] sums = dots;
        java.util.Arrays.fill(sums, from, to, 0);
        int j = 0;
        for (; j + 3 < dimension; j += 4) {
            double a0 = values[offset + j];
            double a1 = values[offset + j + 1];
            double a2 = values[offset + j + 2];
            double a3 = values[offset + j + 3];
            double[] c0 = columns[j];
            double[] c1 = columns[j + 1];
            double[] c2 = columns[j + 2];
            double[] c3 = columns[j + 3];
            for (int t = from; t < to; t++) {
                sums[t] += a0 * c0[t] + a1 * c1[t] + a2 * c2[t] + a3 * c3[t];
            }
        }
        for (; j < dimension; j++) {
            double a = values[offset + j];
            double[] column = columns[j];
            for (int t = from; t < to; t++) {
                sums[t] += a * column[t];
            }
        }
        kernel.values(sums, squares[row], squares, from, to, out);
    }

    /** The listed targets {@code targets[from..to)}: one sequential dot product each. */
    private void fillListed(int row, int[] targets, int from, int to, float[] out) {
        int offset = row * dimension;
        double square = squares[row];
        for (int k = from; k < to; k++) {
            int t = targets[k];
            out[t] = (float) kernel.value(dot(offset, t * dimension), square, squares[t]);
        }
    }
}
