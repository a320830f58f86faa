package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.FeatureBins;
import java.util.Arrays;

/**
 * Finds a leaf's best split from its histogram, scoring a node with gradient sum {@code G} and
 * hessian sum {@code H} as {@code T(G)² / (H + l2)}, where {@code T} soft-thresholds by {@code l1}
 * (XGBoost's regularised objective); the gain is {@code score(left) + score(right) - score(parent)}.
 * A split must leave each child {@code minSamplesLeaf} rows and {@code minChildWeight} hessian;
 * histograms hold no counts, so a side's rows are estimated from its hessian as
 * {@code H_side × rows / H} (exact for losses with a constant hessian; LightGBM does the same).
 *
 * <p>Numeric features try every threshold between value bins twice, with the missing values sent
 * left and sent right, which learns their default direction. Categorical features order their
 * categories by {@code G / (H + 10)} and try every prefix of that order as the left set (Fisher's
 * ordering, as LightGBM does). Ties keep the first candidate: lowest feature, then lowest bin,
 * missing right before left. Mutable scratch: one finder per grower.
 */
final class SplitFinder {
    private static final double CATEGORY_SMOOTHING = 10;
    private final BinnedData data;
    private final int[] offsets;
    private final double l1;
    private final double l2;
    private final double minChildWeight;
    private final int minSamplesLeaf;
    private final int[] order = new int[FeatureBins.MAX_BIN_COUNT];
    private final double[] keys = new double[FeatureBins.MAX_BIN_COUNT];
    private final int[] categories = new int[8];
    private double sumGradients;
    private double sumHessians;
    private int count;
    private double countPerHessian;
    private double bestGain;
    private int bestFeature;
    private int bestBin;
    private boolean bestDefaultLeft;
    private boolean bestCategorical;
    private double bestLeftGradients;
    private double bestLeftHessians;

    /** A finder for histograms in which feature {@code j}'s bins start at bin {@code offsets[j]} (see {@link HistogramBuilder#offset}). */
    SplitFinder(BinnedData data, GbmParams params, int[] offsets) {
        this.data = data;
        this.offsets = offsets.clone();
        this.l1 = params.l1();
        this.l2 = params.l2();
        this.minChildWeight = params.minChildWeight();
        this.minSamplesLeaf = params.minSamplesLeaf();
    }

    /** The score of a node with sums {@code g} and {@code h}. */
    double score(double g, double h) {
        double t = threshold(g);
        return h + l2 > 0 ? t * t / (h + l2) : 0;
    }

    /** The optimal (unshrunk) leaf value {@code -T(G) / (H + l2)}. */
    double leafValue(double g, double h) {
        return h + l2 > 0 ? -threshold(g) / (h + l2) : 0;
    }

    private double threshold(double g) {
        return g > l1 ? g - l1 : g < -l1 ? g + l1 : 0;
    }

    /** The best split with positive gain for a leaf with histogram {@code hist} and these totals, or null. */
    SplitInfo find(double[] hist, double leafGradients, double leafHessians, int leafCount, boolean[] allowed) {
        sumGradients = leafGradients;
        sumHessians = leafHessians;
        count = leafCount;
        countPerHessian = leafHessians > 0 ? leafCount / leafHessians : 0;
        bestGain = 0;
        bestFeature = -1;
        double parent = score(leafGradients, leafHessians);
        for (int f = 0; f < data.featureCount(); f++) {
            if (!allowed[f]) {
                continue;
            }
            if (data.feature(f).isCategorical()) {
                categorical(hist, f, parent);
            } else {
                numeric(hist, f, parent);
            }
        }
        if (bestFeature < 0) {
            return null;
        }
        return new SplitInfo(bestFeature, bestBin, bestDefaultLeft, bestCategorical ? categories.clone() : null, bestGain,
                bestLeftGradients, bestLeftHessians, sumGradients - bestLeftGradients, sumHessians - bestLeftHessians);
    }

    private void numeric(double[] hist, int f, double parent) {
        int o = 2 * offsets[f];
        int bins = data.feature(f).binCount();
        double missingG = hist[o];
        double missingH = hist[o + 1];
        boolean hasMissing = missingH > 0;
        double g = 0;
        double h = 0;
        for (int b = 1; b < bins; b++) {
            int k = o + 2 * b;
            g += hist[k];
            h += hist[k + 1];
            if (h > 0 && (b < bins - 1 || hasMissing)) {
                consider(f, b, false, g, h, parent);
            }
            if (hasMissing) {
                consider(f, b, true, g + missingG, h + missingH, parent);
            }
        }
    }

    private void consider(int f, int b, boolean defaultLeft, double g, double h, double parent) {
        double gain = gain(g, h, parent);
        if (gain > bestGain) {
            record(f, g, h, gain);
            bestBin = b;
            bestDefaultLeft = defaultLeft;
            bestCategorical = false;
        }
    }

    private void categorical(double[] hist, int f, double parent) {
        int o = 2 * offsets[f];
        int m = 0;
        for (int b = 0; b < data.feature(f).binCount(); b++) {
            int k = o + 2 * b;
            if (hist[k + 1] * countPerHessian >= 0.5) {
                double key = hist[k] / (hist[k + 1] + CATEGORY_SMOOTHING);
                int j = m++;
                while (j > 0 && keys[j - 1] > key) {
                    keys[j] = keys[j - 1];
                    order[j] = order[j - 1];
                    j--;
                }
                keys[j] = key;
                order[j] = b;
            }
        }
        double g = 0;
        double h = 0;
        for (int j = 0; j + 1 < m; j++) {
            int k = o + 2 * order[j];
            g += hist[k];
            h += hist[k + 1];
            double gain = gain(g, h, parent);
            if (gain > bestGain) {
                record(f, g, h, gain);
                bestCategorical = true;
                bestDefaultLeft = false;
                bestBin = -1;
                Arrays.fill(categories, 0);
                for (int i = 0; i <= j; i++) {
                    categories[order[i] >>> 5] |= 1 << (order[i] & 31);
                }
            }
        }
    }

    /** The gain of sending {@code (g, h)} left and the rest right, or {@code -inf} when the limits forbid it. */
    private double gain(double g, double h, double parent) {
        double rightH = sumHessians - h;
        double leftCount = h * countPerHessian;
        double rightCount = count - leftCount;
        if (leftCount < minSamplesLeaf - 0.5 || rightCount < minSamplesLeaf - 0.5 || h < minChildWeight || rightH < minChildWeight) {
            return Double.NEGATIVE_INFINITY;
        }
        return score(g, h) + score(sumGradients - g, rightH) - parent;
    }

    private void record(int f, double g, double h, double gain) {
        bestGain = gain;
        bestFeature = f;
        bestLeftGradients = g;
        bestLeftHessians = h;
    }
}
