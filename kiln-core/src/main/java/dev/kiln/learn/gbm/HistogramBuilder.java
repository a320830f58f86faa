package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.ParallelLoop;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds gradient histograms: for every feature and bin, the sum of gradients and the sum of
 * hessians of a leaf's rows, stored flat as {@code hist[2 * (offset(feature) + bin) + c]} with
 * {@code c} = 0 (gradients) or 1 (hessians). Row counts are not kept (as in LightGBM): the split
 * finder estimates them from the hessians, and the partition gives the exact counts. Gradients come
 * interleaved with hessians ({@code pairs[2 * row]}, {@code pairs[2 * row + 1]}), so a row's pair is
 * one memory access. A loss whose hessians are all 1 (squared and absolute error, Huber, quantile)
 * passes its gradients alone ({@code pairs[row]}) and the hessian sums become row counts: half the
 * gradient memory read per row and no interleaving pass.
 *
 * <p>Rows are read once each, all features of a row from one cache line: the builder keeps its own
 * row-major copy of the bins ({@link PackedBins}), in which mutually exclusive sparse features (the
 * indicator columns of a one-hot encoding, say) share one byte, as in LightGBM's exclusive feature
 * bundling. A bundle's byte says which member left its most frequent ("default") bin and for which
 * bin; the rows where no member did go to a spare bin, and a member's default bin is then that bin
 * plus the other members' non-default bins (exact: each row is in exactly one of those sets). So a
 * row costs one update per packed column, not per feature. Each packed column owns 256 bins of the
 * histogram, so features' bins start at {@link #offset}, not at {@link BinnedData#offset}.
 *
 * <p>A leaf's rows are cut into blocks whose number depends only on the row count
 * ({@value #BLOCK_ROWS} rows or more each, a power of two, at most {@value #MAX_BLOCKS}); blocks are built in
 * parallel into their own histograms and then added in block order, so the result is bit-identical
 * whatever the number of threads. Blocks of rows rather than groups of columns: a deep leaf's rows are
 * cache misses, and every column group would take the same misses again, while a block's rows are
 * fetched by one thread only. Without a pool (or {@link #buildInline}) the blocks are built one after
 * another on the calling thread, each added to the total as it is done: the same additions in the same
 * order. A leaf of fewer than {@code 2 × }{@value #BLOCK_ROWS} rows is built in one pass on the calling
 * thread. Mutable scratch: one builder per histogram built at a time (builders may share their packed bins).
 */
final class HistogramBuilder {
    private static final int BLOCK_ROWS = 2_048;
    private static final int MAX_BLOCKS = 16;
    /** From this many row blocks on, their histograms are added in parallel over ranges of bins. */
    private static final int PARALLEL_MERGE_BLOCKS = 8;
    /** Rows gathered ahead of their histogram updates: their bins' cache lines (one or two a scattered row) stay in L2. */
    private static final int CHUNK_ROWS = 2_048;
    /** A chunk whose rows span fewer than this many times their number is read in place: its lines stream in anyway. */
    private static final int DENSE_SPAN = 4;
    private final PackedBins packed;
    private final boolean unitHessians;
    private final int length;
    private final int[] offsets;
    private final ForkJoinPool pool;
    private final int threads;
    private double[][] blockHistograms = new double[0][];
    private double[] blockScratch;
    /** Where the gathering loops leave the bytes they read, so that the compiler keeps the reads (value unused). */
    private volatile int sink;
    private double[] allRowCounts;
    private final int rowCount;

    HistogramBuilder(BinnedData data, boolean unitHessians, ForkJoinPool pool, int threads) {
        this.packed = PackedBins.of(data, pool);
        this.rowCount = data.rows();
        this.unitHessians = unitHessians;
        this.length = packed.histogramLength();
        this.offsets = packed.offsets();
        this.pool = pool;
        this.threads = threads;
    }

    /** A builder over the packed bins of {@code shared} with scratch of its own, so that two leaves' histograms can be built at once. */
    HistogramBuilder(HistogramBuilder shared) {
        this.packed = shared.packed;
        this.rowCount = shared.rowCount;
        this.unitHessians = shared.unitHessians;
        this.length = shared.length;
        this.offsets = shared.offsets;
        this.pool = shared.pool;
        this.threads = shared.threads;
    }

    /** The length of a histogram array: 256 bins (512 doubles) per packed column. */
    int length() {
        return length;
    }

    /** Where feature {@code j}'s bins start in a histogram (in bins: its gradient sum of bin {@code b} is at {@code 2 * (offset + b)}). */
    int offset(int j) {
        return offsets[j];
    }

    /** {@link #offset} of every feature, a copy. */
    int[] offsets() {
        return offsets.clone();
    }

    /** How many bytes a row takes in the builder's packed copy of the bins (features minus bundled ones plus bundles). */
    int packedWidth() {
        return packed.width();
    }

    /** Interleaves {@code grad[offset + i]} and {@code hess[offset + i]} for {@code i < n} into {@code pairs}. */
    static void interleave(double[] grad, double[] hess, int offset, int from, int to, double[] pairs) {
        for (int i = from; i < to; i++) {
            pairs[2 * i] = grad[offset + i];
            pairs[2 * i + 1] = hess[offset + i];
        }
    }

    /**
     * Fills {@code hist} from rows {@code rows[start, end)}, whose gradient pairs (or gradients alone,
     * with unit hessians) are in {@code pairs}.
     */
    void build(int[] rows, int start, int end, double[] pairs, double[] hist) {
        build(rows, start, end, pairs, hist, null, pool);
    }

    /**
     * As {@link #build}, on the calling thread alone: for a leaf split while the pool's other threads split other
     * leaves. The same sums.
     */
    void buildInline(int[] rows, int start, int end, double[] pairs, double[] hist) {
        build(rows, start, end, pairs, hist, null, null);
    }

    /**
     * As {@link #build} for {@code rows[0, n)} holding each of the data's {@code n} rows once (the root of a tree grown on all
     * rows). With unit hessians the hessian sums are then the bins' row counts over all rows, the same every tree:
     * they are counted once and copied, and the rows add their gradients alone. The same sums as {@link #build}.
     */
    void buildAll(int[] rows, double[] pairs, double[] hist) {
        build(rows, 0, rowCount, pairs, hist, unitHessians ? allRowCounts() : null, pool);
    }

    /**
     * Fills {@code hist}, its row blocks in parallel on {@code forks} when given; with {@code counts}, its hessian sums are
     * {@code counts} (before the bundles' default bins).
     */
    private void build(int[] rows, int start, int end, double[] pairs, double[] hist, double[] counts, ForkJoinPool forks) {
        int count = end - start;
        int blocks = blocks(count);
        int columns = packed.width();
        if (blocks == 1) {
            packed.clear(hist, 0, columns);
            buildColumns(rows, start, end, pairs, counts != null, hist, 0, columns);
            copyCounts(counts, hist, 0, length);
            packed.completeBundles(hist, 0, columns);
            return;
        }
        if (forks == null) {
            buildBlocksInline(rows, start, end, blocks, pairs, hist, counts);
            return;
        }
        if (blockHistograms.length < blocks) {
            blockHistograms = new double[MAX_BLOCKS][length];
        }
        double[][] partial = blockHistograms;
        ParallelLoop.run(forks, count, blocks, (part, from, to) -> {
            Arrays.fill(partial[part], 0);
            buildColumns(rows, start + from, start + to, pairs, counts != null, partial[part], 0, columns);
        });
        // a few blocks' sums are added on the calling thread: a fork would cost more than the additions
        int mergeParts = blocks >= PARALLEL_MERGE_BLOCKS ? threads : 1;
        ParallelLoop.run(forks, length, mergeParts, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                double sum = partial[0][i];
                for (int b = 1; b < blocks; b++) {
                    sum += partial[b][i];
                }
                hist[i] = sum;
            }
            copyCounts(counts, hist, from, to);
        });
        packed.completeBundles(hist, 0, columns);
    }

    /**
     * As the parallel path of {@link #build} on one thread: each block is built into one scratch histogram and added
     * to {@code hist} as soon as it is done, which adds the blocks' sums in block order as the merge does (the same
     * result) with two histograms in the cache instead of one a block.
     */
    private void buildBlocksInline(int[] rows, int start, int end, int blocks, double[] pairs, double[] hist, double[] counts) {
        int count = end - start;
        int columns = packed.width();
        if (blockScratch == null) {
            blockScratch = new double[length];
        }
        double[] block = blockScratch;
        Arrays.fill(hist, 0);
        buildColumns(rows, start, start + ParallelLoop.start(count, blocks, 1), pairs, counts != null, hist, 0, columns);
        for (int b = 1; b < blocks; b++) {
            Arrays.fill(block, 0);
            buildColumns(rows, start + ParallelLoop.start(count, blocks, b), start + ParallelLoop.start(count, blocks, b + 1),
                    pairs, counts != null, block, 0, columns);
            for (int i = 0; i < length; i++) {
                hist[i] += block[i];
            }
        }
        copyCounts(counts, hist, 0, length);
        packed.completeBundles(hist, 0, columns);
    }

    /**
     * How many row blocks a leaf of {@code count} rows is built in: the largest power of two with at least
     * {@value #BLOCK_ROWS} rows a block, at most {@value #MAX_BLOCKS}. A power of two shares evenly between two
     * (or four) threads, where 3 blocks would leave one thread idle a third of the time; it depends on the
     * row count alone, so the sums' order (and the result) does not depend on the thread count.
     */
    static int blocks(int count) {
        int most = Math.max(1, Math.min(MAX_BLOCKS, count / BLOCK_ROWS));
        return Integer.highestOneBit(most);
    }

    /** Sets the hessian sums of {@code hist[from, to)} to {@code counts} (one a bin), when given. */
    private static void copyCounts(double[] counts, double[] hist, int from, int to) {
        if (counts == null) {
            return;
        }
        for (int i = from | 1; i < to; i += 2) {
            hist[i] = counts[i >>> 1];
        }
    }

    /** Every packed bin's row count over all rows, counted on first use. */
    private double[] allRowCounts() {
        if (allRowCounts == null) {
            int width = packed.width();
            byte[] bins = packed.bins();
            long[] counts = new long[length / 2];
            for (int at = 0; at < bins.length; at += width) {
                for (int c = 0; c < width; c++) {
                    counts[c * PackedBins.REGION + (bins[at + c] & 0xFF)]++;
                }
            }
            double[] out = new double[counts.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = counts[k];
            }
            allRowCounts = out;
        }
        return allRowCounts;
    }

    /**
     * Adds rows {@code rows[start, end)} to the regions of packed columns {@code [first, last)} of {@code hist} (cleared).
     * A deep leaf's rows are scattered over the data, so each row's gradient and bins are a cache miss the update loop
     * would wait for; the rows go in chunks of {@value #CHUNK_ROWS}, each first gathered in loops that depend on
     * nothing (its gradients copied to a buffer in order, each row's bins read once), so the misses overlap, and then
     * summed from the cache. The sums are the same, in the same order, as without chunks.
     */
    private void buildColumns(int[] rows, int start, int end, double[] pairs, boolean countsKnown, double[] hist, int first,
            int last) {
        int stride = unitHessians ? 1 : 2;
        double[] ordered = new double[stride * Math.min(CHUNK_ROWS, Math.max(0, end - start))];
        int touched = 0;
        for (int from = start; from < end; from += CHUNK_ROWS) {
            int to = Math.min(end, from + CHUNK_ROWS);
            if (rows[to - 1] - rows[from] < DENSE_SPAN * (to - from)) {
                // close rows, as the root's or a large leaf's (a leaf's rows ascend): the hardware prefetches them
                if (countsKnown) {
                    addGradientsInPlace(rows, from, to, pairs, hist, first, last);
                } else {
                    addInPlace(rows, from, to, pairs, hist, first, last);
                }
                continue;
            }
            copyGradients(rows, from, to, pairs, ordered, 0);
            touched += touch(rows, from, to, first, last);
            if (unitHessians) {
                addUnitHessians(rows, from, to, ordered, 0, hist, first, last);
            } else {
                addPairs(rows, from, to, ordered, 0, hist, first, last);
            }
        }
        sink += touched;
    }

    /** Copies the gradient pairs (or gradients) of rows {@code rows[from, to)} in order to {@code ordered} from {@code at}. */
    private void copyGradients(int[] rows, int from, int to, double[] pairs, double[] ordered, int at) {
        if (unitHessians) {
            for (int i = from, k = at; i < to; i++, k++) {
                ordered[k] = pairs[rows[i]];
            }
        } else {
            for (int i = from, k = at; i < to; i++, k += 2) {
                int row = rows[i];
                ordered[k] = pairs[2 * row];
                ordered[k + 1] = pairs[2 * row + 1];
            }
        }
    }

    /**
     * Reads the first and last byte of packed columns {@code [first, last)} of each of rows {@code rows[from, to)},
     * bringing them into the cache; returns the bytes' sum so that the reads are not optimised away.
     */
    private int touch(int[] rows, int from, int to, int first, int last) {
        int width = packed.width();
        byte[] bins = packed.bins();
        int touched = 0;
        for (int i = from; i < to; i++) {
            int at = rows[i] * width;
            touched += bins[at + first] + bins[at + last - 1];
        }
        return touched;
    }

    /** Adds rows {@code rows[from, to)} to {@code hist}, reading their gradient pairs (or gradients) through the row indexes. */
    private void addInPlace(int[] rows, int from, int to, double[] pairs, double[] hist, int first, int last) {
        int width = packed.width();
        byte[] bins = packed.bins();
        int firstRegion = 2 * PackedBins.REGION * first;
        int stride = unitHessians ? 1 : 2;
        for (int i = from; i < to; i++) {
            int row = rows[i];
            double g = pairs[stride * row];
            double h = unitHessians ? 1 : pairs[2 * row + 1];
            int at = row * width;
            for (int c = first, region = firstRegion; c < last; c++, region += 2 * PackedBins.REGION) {
                int b = region | (bins[at + c] & 0xFF) << 1;
                hist[b] += g;
                hist[b + 1] += h;
            }
        }
    }

    /** As {@link #addInPlace} with unit hessians whose sums are filled in afterwards: the gradient sums alone. */
    private void addGradientsInPlace(int[] rows, int from, int to, double[] gradients, double[] hist, int first, int last) {
        int width = packed.width();
        byte[] bins = packed.bins();
        int firstRegion = 2 * PackedBins.REGION * first;
        for (int i = from; i < to; i++) {
            int row = rows[i];
            double g = gradients[row];
            int at = row * width;
            for (int c = first, region = firstRegion; c < last; c++, region += 2 * PackedBins.REGION) {
                hist[region | (bins[at + c] & 0xFF) << 1] += g;
            }
        }
    }

    /** Adds rows {@code rows[from, to)} to {@code hist}, the pair of row {@code rows[i]} at {@code ordered[at + 2 (i - from)]}. */
    private void addPairs(int[] rows, int from, int to, double[] ordered, int at, double[] hist, int first, int last) {
        int width = packed.width();
        byte[] bins = packed.bins();
        int firstRegion = 2 * PackedBins.REGION * first;
        for (int i = from, k = at; i < to; i++, k += 2) {
            double g = ordered[k];
            double h = ordered[k + 1];
            int rowAt = rows[i] * width;
            // column c's region starts at 512 c, so its bin is a shift and an OR away
            for (int c = first, region = firstRegion; c < last; c++, region += 2 * PackedBins.REGION) {
                int b = region | (bins[rowAt + c] & 0xFF) << 1;
                hist[b] += g;
                hist[b + 1] += h;
            }
        }
    }

    /** As {@link #addPairs} with unit hessians: the gradient of row {@code rows[i]} at {@code ordered[at + i - from]}. */
    private void addUnitHessians(int[] rows, int from, int to, double[] ordered, int at, double[] hist, int first, int last) {
        int width = packed.width();
        byte[] bins = packed.bins();
        int firstRegion = 2 * PackedBins.REGION * first;
        for (int i = from, k = at; i < to; i++, k++) {
            double g = ordered[k];
            int rowAt = rows[i] * width;
            for (int c = first, region = firstRegion; c < last; c++, region += 2 * PackedBins.REGION) {
                int b = region | (bins[rowAt + c] & 0xFF) << 1;
                hist[b] += g;
                hist[b + 1] += 1;
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
