package dev.kiln.learn.forest;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.FeatureBins;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one forest tree depth first on binned rows weighted by their bootstrap counts. Each node
 * draws its candidate features without replacement; a random forest tries every threshold between
 * value bins of each candidate, extra trees one threshold drawn uniformly between the node's lowest
 * and highest occupied bins. Missing values always go right.
 *
 * <p>One histogram serves both tasks. Every bin holds {@code width} channels plus the weight
 * {@code W}: for classification the weight of each class, for regression the weighted sum of
 * targets. A node's score is {@code Σ_k c_k² / W}, and a split's gain is the children's scores minus
 * the parent's. For class indicators this is the decrease of weighted Gini impurity, and for
 * regression that of the squared error, so leaves hold {@code c_k / W}: class frequencies or the mean.
 * The rows the bootstrap missed follow the splits down without weight, so each tree knows their
 * leaves for the out-of-bag score without a second walk. Mutable scratch: one grower per thread;
 * each tree depends only on its random generator.
 */
final class ForestTreeGrower {
    private static final double MIN_GAIN = 1e-12;
    private final BinnedData data;
    private final ForestParams params;
    private final int width;
    private final int[] labels;
    private final double[] targets;
    private final int featuresPerNode;
    private final int[] counts;
    private final int[] rows;
    private final int[] scratch;
    private final int[] outOfBag;
    private final int[] leafOfRow;
    private final int[] featureOrder;
    private final double[] hist;
    private final double[] node;
    private final double[] left;
    private final int[] occupied = new int[32];
    private final boolean extra;
    private TreeArrays tree;

    /** {@code labels} (classification, with {@code classes} classes) or {@code targets} (regression) is null. */
    ForestTreeGrower(BinnedData data, ForestParams params, int[] labels, double[] targets, int classes) {
        this.data = data;
        this.params = params;
        this.labels = labels;
        this.targets = targets;
        this.width = labels != null ? classes : 1;
        this.featuresPerNode = params.featuresPerNode(data.featureCount(), labels != null);
        this.counts = new int[data.rows()];
        this.rows = new int[data.rows()];
        this.scratch = new int[data.rows()];
        this.outOfBag = new int[data.rows()];
        this.leafOfRow = new int[data.rows()];
        this.featureOrder = new int[data.featureCount()];
        this.hist = new double[FeatureBins.MAX_BIN_COUNT * (width + 1)];
        this.node = new double[width + 1];
        this.left = new double[width + 1];
        this.extra = params.kind().equals(ForestParams.EXTRA_TREES);
    }

    ForestTree grow(SplittableRandom random) {
        int n = data.rows();
        Arrays.fill(counts, 0);
        if (params.bootstrap()) {
            for (int i = 0; i < n; i++) {
                counts[random.nextInt(n)]++;
            }
        } else {
            Arrays.fill(counts, 1);
        }
        int m = 0;
        int missed = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                rows[m++] = i;
            } else {
                outOfBag[missed++] = i;
            }
        }
        for (int j = 0; j < featureOrder.length; j++) {
            featureOrder[j] = j;
        }
        tree = new TreeArrays(width);
        grow(0, m, 0, missed, 0, random);
        // the rows the sample missed, ascending, with the leaf each one reached on the way down
        int[] missedRows = new int[missed];
        int[] missedLeaves = new int[missed];
        for (int i = 0, k = 0; i < n; i++) {
            if (counts[i] == 0) {
                missedRows[k] = i;
                missedLeaves[k++] = leafOfRow[i];
            }
        }
        return tree.toTree(missedRows, missedLeaves);
    }

    /**
     * Grows the subtree of sampled rows {@code rows[start, end)}, routing the out-of-bag rows
     * {@code outOfBag[outStart, outEnd)} along (they weigh nothing: no histogram sees them); returns
     * its child reference (node index or {@code ~leaf}).
     */
    private int grow(int start, int end, int outStart, int outEnd, int depth, SplittableRandom random) {
        Arrays.fill(node, 0);
        for (int i = start; i < end; i++) {
            add(node, 0, rows[i]);
        }
        double weight = node[width];
        double parentScore = score(node, 0);
        boolean pure = labels != null ? isPure() : false;
        int[] best = {-1, -1};
        if (!pure && (params.maxDepth() == 0 || depth < params.maxDepth()) && weight >= 2 * params.minSamplesLeaf()) {
            best = bestSplit(start, end, parentScore, random);
        }
        if (best[0] < 0) {
            double[] value = new double[width];
            for (int k = 0; k < width; k++) {
                value[k] = node[k] / weight;
            }
            int leaf = tree.addLeaf(value);
            for (int i = outStart; i < outEnd; i++) {
                leafOfRow[outOfBag[i]] = leaf;
            }
            return ~leaf;
        }
        int id = tree.addNode(best[0], best[1]);
        int middle = partition(rows, start, end, best[0], best[1]);
        int outMiddle = partition(outOfBag, outStart, outEnd, best[0], best[1]);
        int left = grow(start, middle, outStart, outMiddle, depth + 1, random);
        int right = grow(middle, end, outMiddle, outEnd, depth + 1, random);
        tree.setChildren(id, left, right);
        return id;
    }

    /** {feature, bin} of the best split with positive gain among the node's candidate features, or {-1, -1}. */
    private int[] bestSplit(int start, int end, double parentScore, SplittableRandom random) {
        int p = featureOrder.length;
        int stride = width + 1;
        double bestGain = MIN_GAIN * Math.max(1, Math.abs(parentScore));
        int bestFeature = -1;
        int bestBin = -1;
        for (int c = 0; c < featuresPerNode; c++) {
            int j = c + random.nextInt(p - c);
            int f = featureOrder[j];
            featureOrder[j] = featureOrder[c];
            featureOrder[c] = f;
            // hist is all zeros here; only the bins this node touches are filled, scanned and cleared
            byte[] column = data.column(f);
            int lo = FeatureBins.MAX_BIN_COUNT;
            int hi = 0;
            int distinct = 0;
            for (int i = start; i < end; i++) {
                int row = rows[i];
                int b = column[row] & 0xFF;
                if (b > 0) {
                    lo = Math.min(lo, b);
                    hi = Math.max(hi, b);
                    if (hist[b * stride + width] == 0 && distinct < occupied.length) {
                        occupied[distinct++] = b;
                    }
                }
                add(hist, b * stride, row);
            }
            // a small node lists its few occupied bins in order; a large one scans its bin range
            boolean listed = distinct < occupied.length;
            if (listed) {
                sortAscending(occupied, distinct);
            }
            boolean missing = hist[width] > 0;
            if (lo < hi || lo == hi && missing) {
                int first = extra ? lo + random.nextInt(Math.max(1, hi - lo)) : lo;
                int last = extra ? first : hi;
                Arrays.fill(left, 0);
                int steps = listed ? distinct : hi - lo + 1;
                for (int s = 0; s < steps; s++) {
                    int b = listed ? occupied[s] : lo + s;
                    if (b > last) {
                        break;
                    }
                    int at = b * stride;
                    if (hist[at + width] == 0) {
                        continue;
                    }
                    for (int k = 0; k <= width; k++) {
                        left[k] += hist[at + k];
                    }
                    if (b < first) {
                        continue;
                    }
                    double gain = gain(left, parentScore);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestFeature = f;
                        bestBin = b;
                    }
                }
            }
            Arrays.fill(hist, 0, stride, 0);
            if (listed) {
                for (int s = 0; s < distinct; s++) {
                    Arrays.fill(hist, occupied[s] * stride, (occupied[s] + 1) * stride, 0);
                }
            } else if (lo <= hi) {
                Arrays.fill(hist, lo * stride, (hi + 1) * stride, 0);
            }
        }
        return new int[] {bestFeature, bestBin};
    }

    private static void sortAscending(int[] values, int n) {
        for (int i = 1; i < n; i++) {
            int v = values[i];
            int j = i;
            while (j > 0 && values[j - 1] > v) {
                values[j] = values[j - 1];
                j--;
            }
            values[j] = v;
        }
    }

    private double gain(double[] left, double parentScore) {
        double wl = left[width];
        double wr = node[width] - wl;
        if (wl < params.minSamplesLeaf() || wr < params.minSamplesLeaf()) {
            return Double.NEGATIVE_INFINITY;
        }
        double l = 0;
        double r = 0;
        for (int k = 0; k < width; k++) {
            l += left[k] * left[k];
            double rk = node[k] - left[k];
            r += rk * rk;
        }
        return l / wl + r / wr - parentScore;
    }

    private double score(double[] sums, int at) {
        double s = 0;
        for (int k = 0; k < width; k++) {
            s += sums[at + k] * sums[at + k];
        }
        return s / sums[at + width];
    }

    private boolean isPure() {
        for (int k = 0; k < width; k++) {
            if (node[k] == node[width]) {
                return true;
            }
        }
        return false;
    }

    private void add(double[] sums, int at, int row) {
        int w = counts[row];
        if (labels != null) {
            sums[at + labels[row]] += w;
        } else {
            sums[at] += w * targets[row];
        }
        sums[at + width] += w;
    }

    /** Stably moves the rows of {@code rows[start, end)} that go left to the front; returns the first right row's index. */
    private int partition(int[] rows, int start, int end, int feature, int bin) {
        byte[] column = data.column(feature);
        int l = start;
        int r = 0;
        for (int i = start; i < end; i++) {
            int row = rows[i];
            int b = column[row] & 0xFF;
            if (b >= 1 && b <= bin) {
                rows[l++] = row;
            } else {
                scratch[r++] = row;
            }
        }
        System.arraycopy(scratch, 0, rows, l, r);
        return l;
    }
}
