package dev.kiln.learn.gbm;

import dev.kiln.learn.ParallelLoop;
import dev.kiln.learn.tree.BinnedData;
import java.util.Deque;
import java.util.concurrent.ForkJoinPool;

/**
 * Splits one {@link GrowingLeaf} by its best split: partitions the leaf's rows in place, builds its children's
 * histograms (the smaller child's from its rows, the larger's by the subtraction trick) and finds the children's best
 * splits. The children depend only on the leaf and the gradients, never on when, on which thread or with how many
 * threads they are computed, so {@link TreeGrower} may split a leaf ahead of its turn. Mutable scratch (histogram row
 * blocks, two split finders, the partition's bin table): one split at a time per splitter; two splitters may work at
 * once on leaves whose row segments are disjoint.
 */
final class LeafSplitter {
    private static final int PARALLEL_PARTITION_ROWS = 16_384;
    private final BinnedData data;
    private final GbmParams params;
    private final ForkJoinPool pool;
    private final int threads;
    private final HistogramBuilder histograms;
    private final SplitFinder leftFinder;
    private final SplitFinder rightFinder;
    private final int[] rows;
    private final int[] scratch;
    private final Deque<double[]> freeHistograms;
    private final int[] goesLeft = new int[256];

    /**
     * A splitter of leaves whose rows are segments of {@code rows} ({@code scratch} the same length), building
     * histograms with {@code histograms} (its own) and taking and returning histogram arrays at {@code freeHistograms}
     * (thread-safe when splitters share it).
     */
    LeafSplitter(BinnedData data, GbmParams params, HistogramBuilder histograms, int[] rows, int[] scratch,
            Deque<double[]> freeHistograms, ForkJoinPool pool, int threads) {
        this.data = data;
        this.params = params;
        this.pool = pool;
        this.threads = threads;
        this.histograms = histograms;
        this.leftFinder = new SplitFinder(data, params, histograms.offsets());
        this.rightFinder = new SplitFinder(data, params, histograms.offsets());
        this.rows = rows;
        this.scratch = scratch;
        this.freeHistograms = freeHistograms;
    }

    /** Whether a leaf at {@code depth} with {@code count} rows may split under {@code params} (depth limit, twice the minimum leaf size). */
    static boolean canSplit(GbmParams params, int depth, int count) {
        return (params.maxDepth() == 0 || depth < params.maxDepth()) && count >= 2 * params.minSamplesLeaf();
    }

    /**
     * Splits {@code leaf} (which has a split) and gives it its two children. They get histograms and splits only when
     * {@code childrenSplit} (the last split of a full tree leaves them leaves) and they may split; the leaf's histogram
     * goes to one of them or back to the free list. With {@code parallel} the work is forked on the pool; without it,
     * it runs on the calling thread (while the pool's other threads split other leaves). The gradients are
     * {@code pairs}; only features with {@code allowed[feature]} are searched.
     */
    void split(GrowingLeaf leaf, boolean childrenSplit, boolean parallel, double[] pairs, boolean[] allowed) {
        SplitInfo split = leaf.split();
        int start = leaf.start();
        int end = leaf.end();
        int depth = leaf.depth() + 1;
        ForkJoinPool forks = parallel ? pool : null;
        int middle = partition(split, start, end, forks);
        boolean splitLeft = childrenSplit && canSplit(params, depth, middle - start);
        boolean splitRight = childrenSplit && canSplit(params, depth, end - middle);
        if (!splitLeft && !splitRight) {
            freeHistograms.push(leaf.histogram());
            leaf.setChildren(new GrowingLeaf(start, middle, depth, split.leftGradients(), split.leftHessians(), null, null),
                    new GrowingLeaf(middle, end, depth, split.rightGradients(), split.rightHessians(), null, null));
            return;
        }
        // The subtraction trick: build the histogram of the child with fewer rows directly, in
        // O(rows of the smaller child), and get the larger child's as parent - smaller in O(bins).
        boolean leftIsSmaller = middle - start <= end - middle;
        double[] smallerHist = takeHistogram();
        int smallerStart = leftIsSmaller ? start : middle;
        int smallerEnd = leftIsSmaller ? middle : end;
        if (parallel) {
            histograms.build(rows, smallerStart, smallerEnd, pairs, smallerHist);
        } else {
            histograms.buildInline(rows, smallerStart, smallerEnd, pairs, smallerHist);
        }
        double[] parentHist = leaf.histogram();
        HistogramBuilder.subtract(parentHist, smallerHist, parentHist);
        double[] leftHist = leftIsSmaller ? smallerHist : parentHist;
        double[] rightHist = leftIsSmaller ? parentHist : smallerHist;
        SplitInfo[] found = new SplitInfo[2];
        // the two children's searches are independent (each its own finder): in parallel when both are wanted
        ParallelLoop.run(splitLeft && splitRight ? forks : null, 2, 2, (part, from, to) -> {
            if (part == 0 && splitLeft) {
                found[0] = leftFinder.find(leftHist, split.leftGradients(), split.leftHessians(), middle - start, allowed);
            } else if (part == 1 && splitRight) {
                found[1] = rightFinder.find(rightHist, split.rightGradients(), split.rightHessians(), end - middle, allowed);
            }
        });
        leaf.setChildren(
                GrowingLeaf.of(start, middle, depth, split.leftGradients(), split.leftHessians(), found[0], leftHist, freeHistograms),
                GrowingLeaf.of(middle, end, depth, split.rightGradients(), split.rightHessians(), found[1], rightHist, freeHistograms));
    }

    private double[] takeHistogram() {
        double[] hist = freeHistograms.poll();
        return hist != null ? hist : new double[histograms.length()];
    }

    /**
     * Stably moves the rows of {@code [start, end)} that go left to the front; returns the first right
     * row's index. Large leaves are split into blocks, in parallel on {@code forks} when given: each block
     * writes its left rows forwards and its right rows backwards into the scratch array, then every block
     * copies its rows to their final places. Stability makes the result the same for any number of blocks.
     */
    private int partition(SplitInfo split, int start, int end, ForkJoinPool forks) {
        for (int b = 0; b < goesLeft.length; b++) {
            goesLeft[b] = split.goesLeft(b) ? 1 : 0;
        }
        int parts = forks != null && end - start >= PARALLEL_PARTITION_ROWS ? threads : 1;
        int[] leftCounts = new int[parts];
        ParallelLoop.run(forks, end - start, parts, (part, from, to) -> leftCounts[part] = sortBlock(split.feature(), start + from, start + to));
        int[] leftBefore = new int[parts];
        int[] rightBefore = new int[parts];
        int lefts = 0;
        int rights = 0;
        for (int part = 0; part < parts; part++) {
            int size = ParallelLoop.start(end - start, parts, part + 1) - ParallelLoop.start(end - start, parts, part);
            leftBefore[part] = lefts;
            rightBefore[part] = rights;
            lefts += leftCounts[part];
            rights += size - leftCounts[part];
        }
        int middle = start + lefts;
        ParallelLoop.run(forks, end - start, parts, (part, from, to) -> {
            int blockStart = start + from;
            int nLeft = leftCounts[part];
            System.arraycopy(scratch, blockStart, rows, start + leftBefore[part], nLeft);
            int target = middle + rightBefore[part];
            for (int i = start + to - 1; i >= blockStart + nLeft; i--) {
                rows[target++] = scratch[i];
            }
        });
        return middle;
    }

    /**
     * Writes the left rows of {@code rows[from, to)} to the front of {@code scratch[from, to)}, the right ones backwards
     * from its end. Branch-free (the side of a row is data, not a jump the processor must guess): each row is written
     * at both free ends and only the end of its side advances; the other write lands on a free slot that a later row
     * overwrites.
     */
    private int sortBlock(int feature, int from, int to) {
        byte[] column = data.column(feature);
        int[] side = goesLeft;
        int l = from;
        int r = to;
        for (int i = from; i < to; i++) {
            int row = rows[i];
            int left = side[column[row] & 0xFF];
            scratch[l] = row;
            scratch[r - 1] = row;
            l += left;
            r -= 1 - left;
        }
        return l - from;
    }
}
