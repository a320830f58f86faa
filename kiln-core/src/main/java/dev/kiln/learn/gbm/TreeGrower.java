package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.ParallelLoop;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Grows one regression tree on gradients and hessians, leaf-wise (best-first, as LightGBM): the
 * open leaf whose best split gains most is split next, until {@code maxLeaves} leaves or no leaf
 * has a positive-gain split; a leaf at depth {@code maxDepth} (when not 0) or with fewer than
 * {@code 2 × minSamplesLeaf} rows is not split. Ties go to the lowest leaf index. Leaf values are
 * {@code -learningRate × T(G) / (H + l2)}.
 *
 * <p>Each leaf owns a segment of one row-index array, split stably in place, so after
 * {@link #grow} the rows of leaf {@code l} are {@code rows()[leafStart(l), leafEnd(l))}. Mutable
 * and reused across trees: one grower per booster.
 */
final class TreeGrower {
    private static final int PARALLEL_PARTITION_ROWS = 16_384;
    private static final int SUM_BLOCK_ROWS = 65_536;
    private final BinnedData data;
    private final boolean unitHessians;
    private final GbmParams params;
    private final ForkJoinPool pool;
    private final int threads;
    private final HistogramBuilder histograms;
    private final SplitFinder finder;
    private final SplitFinder otherFinder;
    private final int[] rows;
    private final int[] scratch;
    private final int[] goesLeft = new int[256];
    private final ArrayDeque<double[]> freeHistograms = new ArrayDeque<>();
    private final int[] leafStart;
    private final int[] leafEnd;
    private final int[] leafDepth;
    private final int[] leafParent;
    private final boolean[] leafIsLeft;
    private final double[] leafGradients;
    private final double[] leafHessians;
    private final SplitInfo[] leafSplit;
    private final double[][] leafHistogram;
    private int leaves;

    TreeGrower(BinnedData data, GbmParams params, boolean unitHessians, ForkJoinPool pool, int threads) {
        this.data = data;
        this.unitHessians = unitHessians;
        this.params = params;
        this.pool = pool;
        this.threads = threads;
        this.histograms = new HistogramBuilder(data, unitHessians, pool, threads);
        this.finder = new SplitFinder(data, params, histograms.offsets());
        this.otherFinder = new SplitFinder(data, params, histograms.offsets());
        this.rows = new int[data.rows()];
        this.scratch = new int[data.rows()];
        int capacity = params.maxLeaves();
        leafStart = new int[capacity];
        leafEnd = new int[capacity];
        leafDepth = new int[capacity];
        leafParent = new int[capacity];
        leafIsLeft = new boolean[capacity];
        leafGradients = new double[capacity];
        leafHessians = new double[capacity];
        leafSplit = new SplitInfo[capacity];
        leafHistogram = new double[capacity][];
    }

    /**
     * Grows a tree on rows {@code bag} (ascending) with gradients {@code pairs[2 * row]} and hessians
     * {@code pairs[2 * row + 1]} (with unit hessians: gradients {@code pairs[row]}), splitting only on
     * features with {@code allowed[feature]}.
     */
    GrownTree grow(double[] pairs, int[] bag, boolean[] allowed) {
        int n = bag.length;
        System.arraycopy(bag, 0, rows, 0, n);
        double[] sums = rootSums(pairs, bag);
        double g = sums[0];
        double h = sums[1];
        leaves = 1;
        open(0, 0, n, 0, -1, true, g, h);
        if (canSplit(0, n)) {
            double[] hist = takeHistogram();
            if (n == data.rows()) {
                histograms.buildAll(rows, pairs, hist);
            } else {
                histograms.build(rows, 0, n, pairs, hist);
            }
            leafHistogram[0] = hist;
            chooseSplit(0, allowed);
        }
        SplitInfo[] splits = new SplitInfo[params.maxLeaves() - 1];
        int[] nodeRows = new int[splits.length];
        int[] left = new int[splits.length];
        int[] right = new int[splits.length];
        int nodes = 0;
        while (leaves < params.maxLeaves()) {
            int best = bestLeaf();
            if (best < 0) {
                break;
            }
            int node = nodes++;
            splits[node] = leafSplit[best];
            nodeRows[node] = leafEnd[best] - leafStart[best];
            link(left, right, best, node);
            split(best, node, pairs, allowed);
        }
        double[] values = new double[leaves];
        int[] leafRows = new int[leaves];
        for (int l = 0; l < leaves; l++) {
            link(left, right, l, ~l);
            leafRows[l] = leafEnd[l] - leafStart[l];
            values[l] = params.learningRate() * finder.leafValue(leafGradients[l], leafHessians[l]);
            release(l);
        }
        return new GrownTree(Arrays.copyOf(splits, nodes), Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), values,
                Arrays.copyOf(nodeRows, nodes), leafRows);
    }

    /**
     * The gradient and hessian sums of rows {@code bag}: in {@value #SUM_BLOCK_ROWS}-row blocks in parallel,
     * the blocks' sums then added in block order, so the result does not depend on the thread count.
     */
    private double[] rootSums(double[] pairs, int[] bag) {
        int n = bag.length;
        int blocks = Math.max(1, n / SUM_BLOCK_ROWS);
        double[] partial = new double[2 * blocks];
        ParallelLoop.run(pool, n, blocks, (part, from, to) -> {
            double g = 0;
            double h = 0;
            if (unitHessians) {
                for (int i = from; i < to; i++) {
                    g += pairs[bag[i]];
                }
                h = to - from;
            } else {
                for (int i = from; i < to; i++) {
                    g += pairs[2 * bag[i]];
                    h += pairs[2 * bag[i] + 1];
                }
            }
            partial[2 * part] = g;
            partial[2 * part + 1] = h;
        });
        double g = 0;
        double h = 0;
        for (int b = 0; b < blocks; b++) {
            g += partial[2 * b];
            h += partial[2 * b + 1];
        }
        return new double[] {g, h};
    }

    /** The row indexes, grouped by leaf after {@link #grow}. */
    int[] rows() {
        return rows;
    }

    int leafStart(int leaf) {
        return leafStart[leaf];
    }

    int leafEnd(int leaf) {
        return leafEnd[leaf];
    }

    private void split(int leaf, int node, double[] pairs, boolean[] allowed) {
        SplitInfo split = leafSplit[leaf];
        int start = leafStart[leaf];
        int end = leafEnd[leaf];
        int middle = partition(split, start, end);
        int depth = leafDepth[leaf] + 1;
        double[] parentHist = leafHistogram[leaf];
        leafHistogram[leaf] = null;
        int right = leaves++;
        open(leaf, start, middle, depth, node, true, split.leftGradients(), split.leftHessians());
        open(right, middle, end, depth, node, false, split.rightGradients(), split.rightHessians());
        boolean splitLeft = canSplit(depth, middle - start);
        boolean splitRight = canSplit(depth, end - middle);
        // the last split of a full tree: its children's splits would never be used
        if (!splitLeft && !splitRight || leaves == params.maxLeaves()) {
            freeHistograms.push(parentHist);
            return;
        }
        // The subtraction trick: build the histogram of the child with fewer rows directly, in
        // O(rows of the smaller child), and get the larger child's as parent - smaller in O(bins).
        boolean leftIsSmaller = middle - start <= end - middle;
        int smaller = leftIsSmaller ? leaf : right;
        int larger = leftIsSmaller ? right : leaf;
        double[] smallerHist = takeHistogram();
        histograms.build(rows, leafStart[smaller], leafEnd[smaller], pairs, smallerHist);
        HistogramBuilder.subtract(parentHist, smallerHist, parentHist);
        leafHistogram[smaller] = smallerHist;
        leafHistogram[larger] = parentHist;
        // the two children's searches are independent (each its own finder): in parallel when both are wanted
        if (splitLeft && splitRight && threads > 1) {
            SplitInfo[] found = new SplitInfo[2];
            ParallelLoop.run(pool, 2, 2, (part, from, to) ->
                    found[part] = find(part == 0 ? finder : otherFinder, part == 0 ? leaf : right, allowed));
            settle(leaf, found[0]);
            settle(right, found[1]);
            return;
        }
        for (int child : new int[] {leaf, right}) {
            if (child == leaf ? splitLeft : splitRight) {
                chooseSplit(child, allowed);
            } else {
                release(child);
            }
        }
    }

    /**
     * Stably moves the rows of {@code [start, end)} that go left to the front; returns the first right
     * row's index. Large leaves are split into blocks in parallel: each block writes its left rows
     * forwards and its right rows backwards into the scratch array, then every block copies its rows
     * to their final places. Stability makes the result the same for any number of blocks.
     */
    private int partition(SplitInfo split, int start, int end) {
        for (int b = 0; b < goesLeft.length; b++) {
            goesLeft[b] = split.goesLeft(b) ? 1 : 0;
        }
        int parts = end - start >= PARALLEL_PARTITION_ROWS ? threads : 1;
        int[] leftCounts = new int[parts];
        ParallelLoop.run(pool, end - start, parts, (part, from, to) -> leftCounts[part] = sortBlock(split.feature(), start + from, start + to));
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
        ParallelLoop.run(pool, end - start, parts, (part, from, to) -> {
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

    private void chooseSplit(int leaf, boolean[] allowed) {
        settle(leaf, find(finder, leaf, allowed));
    }

    /** The best split of {@code leaf} by {@code with}; reads the leaf's state only, so two leaves may be searched at once. */
    private SplitInfo find(SplitFinder with, int leaf, boolean[] allowed) {
        return with.find(leafHistogram[leaf], leafGradients[leaf], leafHessians[leaf], leafEnd[leaf] - leafStart[leaf], allowed);
    }

    private void settle(int leaf, SplitInfo split) {
        leafSplit[leaf] = split;
        if (split == null) {
            release(leaf);
        }
    }

    private int bestLeaf() {
        int best = -1;
        for (int l = 0; l < leaves; l++) {
            if (leafSplit[l] != null && (best < 0 || leafSplit[l].gain() > leafSplit[best].gain())) {
                best = l;
            }
        }
        return best;
    }

    private boolean canSplit(int depth, int count) {
        return (params.maxDepth() == 0 || depth < params.maxDepth()) && count >= 2 * params.minSamplesLeaf();
    }

    private void open(int leaf, int start, int end, int depth, int parent, boolean isLeft, double g, double h) {
        leafStart[leaf] = start;
        leafEnd[leaf] = end;
        leafDepth[leaf] = depth;
        leafParent[leaf] = parent;
        leafIsLeft[leaf] = isLeft;
        leafGradients[leaf] = g;
        leafHessians[leaf] = h;
        leafSplit[leaf] = null;
    }

    private void link(int[] left, int[] right, int leaf, int child) {
        int parent = leafParent[leaf];
        if (parent < 0) {
            return;
        }
        if (leafIsLeft[leaf]) {
            left[parent] = child;
        } else {
            right[parent] = child;
        }
    }

    private double[] takeHistogram() {
        double[] hist = freeHistograms.poll();
        return hist != null ? hist : new double[histograms.length()];
    }

    private void release(int leaf) {
        if (leafHistogram[leaf] != null) {
            freeHistograms.push(leafHistogram[leaf]);
            leafHistogram[leaf] = null;
        }
        leafSplit[leaf] = null;
    }
}
