package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.ParallelLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
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
 *
 * <p>With a pool, leaves are split ahead of their turn, many at once. Splitting a leaf depends only on the
 * leaf (its rows, histogram and split) and the gradients, so when the leaf to split next has not been split
 * yet, it is split together with the other leaves that best-first order is likely to split soon
 * ({@link #likelyNext}), one fork/join task each; a leaf that holds a large share of those rows forks its own
 * work too. Each leaf's children are kept with it until best-first order reaches it, and leaf and node numbers
 * are given then, as the sequential order gives them: the tree is the same whatever the thread count. A leaf
 * split ahead but never reached (the leaf budget ran out first) stays a leaf; its rows are only reordered
 * within its segment, and a leaf's row order is not part of the tree.
 */
final class TreeGrower {
    private static final int SUM_BLOCK_ROWS = 65_536;
    /** The best split first; ties in any fixed order (the choice of leaves to split ahead, not the tree). */
    private static final Comparator<GrowingLeaf> BEST_FIRST = Comparator.comparingDouble((GrowingLeaf l) -> -l.split().gain());
    private final BinnedData data;
    private final boolean unitHessians;
    private final GbmParams params;
    private final ForkJoinPool pool;
    private final int threads;
    private final HistogramBuilder histograms;
    private final SplitFinder finder;
    private final int[] rows;
    private final int[] scratch;
    private final Deque<double[]> freeHistograms = new ConcurrentLinkedDeque<>();
    /** Splitters not in use (as many exist as leaves were ever split at the same time). */
    private final Deque<LeafSplitter> idleSplitters = new ConcurrentLinkedDeque<>();
    private final GrowingLeaf[] leaf;
    private final int[] leafParent;
    private final boolean[] leafIsLeft;
    private int leaves;

    TreeGrower(BinnedData data, GbmParams params, boolean unitHessians, ForkJoinPool pool, int threads) {
        this.data = data;
        this.unitHessians = unitHessians;
        this.params = params;
        this.pool = pool;
        this.threads = threads;
        this.histograms = new HistogramBuilder(data, unitHessians, pool, threads);
        this.finder = new SplitFinder(data, params, histograms.offsets());
        this.rows = new int[data.rows()];
        this.scratch = new int[data.rows()];
        int capacity = params.maxLeaves();
        leaf = new GrowingLeaf[capacity];
        leafParent = new int[capacity];
        leafIsLeft = new boolean[capacity];
    }

    /**
     * Grows a tree on rows {@code bag} (ascending) with gradients {@code pairs[2 * row]} and hessians
     * {@code pairs[2 * row + 1]} (with unit hessians: gradients {@code pairs[row]}), splitting only on
     * features with {@code allowed[feature]}.
     */
    GrownTree grow(double[] pairs, int[] bag, boolean[] allowed) {
        int n = bag.length;
        System.arraycopy(bag, 0, rows, 0, n);
        leaves = 1;
        leafParent[0] = -1;
        leaf[0] = root(pairs, bag, allowed);
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
            splits[node] = leaf[best].split();
            nodeRows[node] = leaf[best].rows();
            link(left, right, best, node);
            if (!leaf[best].isSplit()) {
                splitNow(best, pairs, allowed);
            }
            commit(best, node);
        }
        double[] values = new double[leaves];
        int[] leafRows = new int[leaves];
        for (int l = 0; l < leaves; l++) {
            link(left, right, l, ~l);
            leafRows[l] = leaf[l].rows();
            values[l] = params.learningRate() * finder.leafValue(leaf[l].gradients(), leaf[l].hessians());
            leaf[l].releaseHistograms(freeHistograms);
        }
        return new GrownTree(Arrays.copyOf(splits, nodes), Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), values,
                Arrays.copyOf(nodeRows, nodes), leafRows);
    }

    /** The root leaf of rows {@code bag}: its sums and, when it may split, its histogram and best split. */
    private GrowingLeaf root(double[] pairs, int[] bag, boolean[] allowed) {
        int n = bag.length;
        double[] sums = rootSums(pairs, bag);
        if (!LeafSplitter.canSplit(params, 0, n)) {
            return new GrowingLeaf(0, n, 0, sums[0], sums[1], null, null);
        }
        double[] hist = takeHistogram();
        if (n == data.rows()) {
            histograms.buildAll(rows, pairs, hist);
        } else {
            histograms.build(rows, 0, n, pairs, hist);
        }
        return GrowingLeaf.of(0, n, 0, sums[0], sums[1], finder.find(hist, sums[0], sums[1], n, allowed), hist, freeHistograms);
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

    int leafStart(int l) {
        return leaf[l].start();
    }

    int leafEnd(int l) {
        return leaf[l].end();
    }

    /**
     * Splits leaf {@code next}; with a pool, together with the other leaves {@link #likelyNext} picks, one task each.
     * A leaf with at least a quarter of the batch's rows forks its own work too: the other tasks could not keep the
     * threads busy while it runs.
     */
    private void splitNow(int next, double[] pairs, boolean[] allowed) {
        // no children's splits for the last split of a full tree: they would never be used
        boolean lastSplit = leaves + 1 == params.maxLeaves();
        if (pool == null) {
            split(leaf[next], !lastSplit, true, pairs, allowed);
            return;
        }
        List<GrowingLeaf> batch = likelyNext(next);
        long batchRows = rowsOf(batch);
        ParallelLoop.run(pool, batch.size(), batch.size(), (part, from, to) -> {
            GrowingLeaf l = batch.get(part);
            split(l, part > 0 || !lastSplit, 4L * l.rows() >= batchRows, pairs, allowed);
        });
    }

    private static long rowsOf(List<GrowingLeaf> batch) {
        long sum = 0;
        for (GrowingLeaf l : batch) {
            sum += l.rows();
        }
        return sum;
    }

    /** Splits {@code l} with an idle splitter (a new one when none is idle). */
    private void split(GrowingLeaf l, boolean childrenSplit, boolean parallel, double[] pairs, boolean[] allowed) {
        LeafSplitter splitter = idleSplitters.poll();
        if (splitter == null) {
            splitter = new LeafSplitter(data, params, new HistogramBuilder(histograms), rows, scratch, freeHistograms, pool, threads);
        }
        splitter.split(l, childrenSplit, parallel, pairs, allowed);
        idleSplitters.push(splitter);
    }

    /**
     * The leaves to split now, {@code next} first: best-first order run ahead over the leaves known so far (the open
     * leaves, and below each leaf split ahead its children), its first leaves not split yet, within the splits the
     * leaf budget still allows. A leaf picked may still go unused: leaves not known yet (below the ones picked) may
     * outrank it until the budget runs out.
     */
    private List<GrowingLeaf> likelyNext(int next) {
        PriorityQueue<GrowingLeaf> known = new PriorityQueue<>(BEST_FIRST);
        for (int l = 0; l < leaves; l++) {
            if (l != next && leaf[l].split() != null) {
                known.add(leaf[l]);
            }
        }
        List<GrowingLeaf> picked = new ArrayList<>();
        picked.add(leaf[next]);
        for (int leafCount = leaves + 1; leafCount < params.maxLeaves() && !known.isEmpty(); leafCount++) {
            GrowingLeaf l = known.poll();
            if (!l.isSplit()) {
                picked.add(l);
                continue;
            }
            for (GrowingLeaf child : new GrowingLeaf[] {l.left(), l.right()}) {
                if (child.split() != null) {
                    known.add(child);
                }
            }
        }
        return picked;
    }

    /** Makes leaf {@code l}, split, internal node {@code node}: its left child takes its number, its right child the next one. */
    private void commit(int l, int node) {
        GrowingLeaf split = leaf[l];
        int right = leaves++;
        leaf[l] = split.left();
        leaf[right] = split.right();
        leafParent[l] = node;
        leafIsLeft[l] = true;
        leafParent[right] = node;
        leafIsLeft[right] = false;
    }

    /** The open leaf whose split gains most (the lowest index on ties), or -1 when no leaf can split. */
    private int bestLeaf() {
        int best = -1;
        for (int l = 0; l < leaves; l++) {
            if (leaf[l].split() != null && (best < 0 || leaf[l].split().gain() > leaf[best].split().gain())) {
                best = l;
            }
        }
        return best;
    }

    private void link(int[] left, int[] right, int l, int child) {
        int parent = leafParent[l];
        if (parent < 0) {
            return;
        }
        if (leafIsLeft[l]) {
            left[parent] = child;
        } else {
            right[parent] = child;
        }
    }

    private double[] takeHistogram() {
        double[] hist = freeHistograms.poll();
        return hist != null ? hist : new double[histograms.length()];
    }
}
