package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.ParallelLoop;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds gradient histograms: for every feature and bin, the sum of gradients and the sum of
 * hessians of a leaf's rows, stored flat as {@code hist[2 * (offset(feature) + bin) + c]} with
 * {@code c} = 0 (gradients) or 1 (hessians). Row counts are not kept (as in LightGBM): the split
 * finder estimates them from the hessians, and the partition gives the exact counts. Gradients come
 * interleaved with hessians ({@code pairs[2 * row]}, {@code pairs[2 * row + 1]}), so a row's pair is
 * one memory access.
 *
 * <p>Rows are read once each, all features of a row from one cache line (row-major bins; measured
 * 1.5 to 2 times faster than column-major per update here). A large leaf's rows are cut into blocks whose number
 * depends only on the row count ({@value #BLOCK_ROWS} rows or more each, at most
 * {@value #MAX_BLOCKS}); blocks are built in parallel into their own histograms and then added in
 * block order, so the result is bit-identical whatever the number of threads. Mutable scratch: one
 * builder per tree grower.
 */
final class HistogramBuilder {
    private static final int BLOCK_ROWS = 32_768;
    private static final int MAX_BLOCKS = 16;
    private final byte[] bins;
    private final int features;
    private final int[] doubledOffsets;
    private final int length;
    private final ForkJoinPool pool;
    private final int threads;
    private double[][] blockHistograms = new double[0][];

    HistogramBuilder(BinnedData data, ForkJoinPool pool, int threads) {
        this.bins = data.bins();
        this.features = data.featureCount();
        this.doubledOffsets = new int[features];
        for (int j = 0; j < features; j++) {
            doubledOffsets[j] = 2 * data.offset(j);
        }
        this.length = 2 * data.totalBins();
        this.pool = pool;
        this.threads = threads;
    }

    /** The length of a histogram array. */
    int length() {
        return length;
    }

    /** Interleaves {@code grad[offset + i]} and {@code hess[offset + i]} for {@code i < n} into {@code pairs}. */
    static void interleave(double[] grad, double[] hess, int offset, int from, int to, double[] pairs) {
        for (int i = from; i < to; i++) {
            pairs[2 * i] = grad[offset + i];
            pairs[2 * i + 1] = hess[offset + i];
        }
    }

    /** Fills {@code hist} from rows {@code rows[start, end)}, whose gradient pairs are in {@code pairs}. */
    void build(int[] rows, int start, int end, double[] pairs, double[] hist) {
        int count = end - start;
        int blocks = Math.max(1, Math.min(MAX_BLOCKS, count / BLOCK_ROWS));
        if (blocks == 1) {
            buildBlock(rows, start, end, pairs, hist);
            return;
        }
        if (blockHistograms.length < blocks) {
            blockHistograms = new double[MAX_BLOCKS][length];
        }
        double[][] partial = blockHistograms;
        ParallelLoop.run(pool, count, blocks, (part, from, to) -> buildBlock(rows, start + from, start + to, pairs, partial[part]));
        ParallelLoop.run(pool, length, threads, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                double sum = partial[0][i];
                for (int b = 1; b < blocks; b++) {
                    sum += partial[b][i];
                }
                hist[i] = sum;
            }
        });
    }

    private void buildBlock(int[] rows, int start, int end, double[] pairs, double[] hist) {
        Arrays.fill(hist, 0);
        int p = features;
        int[] offset = doubledOffsets;
        byte[] binsOfRows = bins;
        for (int i = start; i < end; i++) {
            int row = rows[i];
            double g = pairs[2 * row];
            double h = pairs[2 * row + 1];
            int base = row * p;
            for (int j = 0; j < p; j++) {
                int b = offset[j] + ((binsOfRows[base + j] & 0xFF) << 1);
                hist[b] += g;
                hist[b + 1] += h;
            }
        }
    }

    /** {@code larger = parent - smaller}, element by element; {@code larger} may be {@code parent}. */
    static void subtract(double[] parent, double[] smaller, double[] larger) {
        for (int i = 0; i < parent.length; i++) {
            larger[i] = parent[i] - smaller[i];
        }
    }
}
