package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.ParallelLoop;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds gradient histograms: for every feature and bin, the sum of gradients and the sum of
 * hessians of a leaf's rows, stored flat as {@code hist[2 * (offset(feature) + bin) + c]} with
 * {@code c} = 0 (gradients) or 1 (hessians). Row counts are not kept (as in LightGBM): the split
 * finder estimates them from the hessians, and the partition gives the exact counts.
 *
 * <p>Rows are read once each (row-major bins), and the features are split into fixed blocks that run
 * in parallel: every feature's sums are then added by one thread in row order, so the result is
 * bit-identical whatever the number of threads, with no reduction step. Mutable only through the
 * histograms it is given; one builder may serve one tree grower at a time.
 */
final class HistogramBuilder {
    /** Leaves with fewer rows are built on the calling thread. */
    private static final int PARALLEL_ROWS = 4_096;
    private final byte[] bins;
    private final int features;
    private final int[] offsets;
    private final int[] doubledOffsets;
    private final ForkJoinPool pool;
    private final int blocks;

    HistogramBuilder(BinnedData data, ForkJoinPool pool, int threads) {
        this.bins = data.bins();
        this.features = data.featureCount();
        this.offsets = new int[features + 1];
        for (int j = 0; j <= features; j++) {
            offsets[j] = j < features ? data.offset(j) : data.totalBins();
        }
        this.doubledOffsets = new int[features + 1];
        for (int j = 0; j <= features; j++) {
            doubledOffsets[j] = 2 * offsets[j];
        }
        this.pool = pool;
        this.blocks = Math.max(1, Math.min(threads, features));
    }

    /** The length of a histogram array. */
    int length() {
        return 2 * offsets[features];
    }

    /**
     * Fills {@code hist} from rows {@code rows[start, end)}, whose gradients and hessians are
     * {@code grad[gradOffset + row]} and {@code hess[gradOffset + row]}.
     */
    void build(int[] rows, int start, int end, double[] grad, double[] hess, int gradOffset, double[] hist) {
        int parts = end - start >= PARALLEL_ROWS ? blocks : 1;
        ParallelLoop.run(pool, features, parts, (part, from, to) -> build(rows, start, end, grad, hess, gradOffset, hist, from, to));
    }

    private void build(int[] rows, int start, int end, double[] grad, double[] hess, int gradOffset, double[] hist,
            int firstFeature, int endFeature) {
        Arrays.fill(hist, 2 * offsets[firstFeature], 2 * offsets[endFeature], 0);
        int p = features;
        int[] offset = doubledOffsets;
        byte[] binsOfRows = bins;
        for (int i = start; i < end; i++) {
            int row = rows[i];
            double g = grad[gradOffset + row];
            double h = hess[gradOffset + row];
            int base = row * p;
            for (int j = firstFeature; j < endFeature; j++) {
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
