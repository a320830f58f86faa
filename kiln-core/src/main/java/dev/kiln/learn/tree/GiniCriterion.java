package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * The Gini criterion for classification: a node predicts its class frequencies, and its weighted
 * impurity is {@code n (1 - Σ_c p_c²) = n - Σ_c n_c² / n}. Scanning keeps the class counts and their
 * sums of squares as exact integers, updating them in {@code O(1)} per row, so equal splits tie exactly.
 */
final class GiniCriterion implements SplitCriterion {
    private final int[] labels;
    private final long[] totalCounts;
    private final long[] leftCounts;
    private long totalSquares;
    private int total;

    /** {@code labels}: class code of each row, in {@code [0, classes)}. */
    GiniCriterion(int[] labels, int classes) {
        this.labels = labels;
        this.totalCounts = new long[classes];
        this.leftCounts = new long[classes];
    }

    @Override
    public int width() {
        return totalCounts.length;
    }

    @Override
    public double prepare(int[] rows, int start, int end, double[] value) {
        Arrays.fill(totalCounts, 0);
        for (int i = start; i < end; i++) {
            totalCounts[labels[rows[i]]]++;
        }
        total = end - start;
        totalSquares = 0;
        for (int c = 0; c < totalCounts.length; c++) {
            totalSquares += totalCounts[c] * totalCounts[c];
            value[c] = (double) totalCounts[c] / total;
        }
        return total - (double) totalSquares / total;
    }

    @Override
    public void scan(int feature, double[] column, int[] sorted, int start, int end, int minLeaf, BestSplit best) {
        Arrays.fill(leftCounts, 0);
        double parent = (double) totalSquares / total;
        long leftSquares = 0;
        long rightSquares = totalSquares;
        for (int i = start; i < end - 1; i++) {
            int c = labels[sorted[i]];
            long left = leftCounts[c]++;
            long right = totalCounts[c] - left;
            leftSquares += 2 * left + 1;
            rightSquares -= 2 * right - 1;
            int leftCount = i - start + 1;
            int rightCount = total - leftCount;
            if (leftCount < minLeaf || rightCount < minLeaf) {
                continue;
            }
            double a = column[sorted[i]];
            double b = column[sorted[i + 1]];
            if (a < b) {
                double gain = (double) leftSquares / leftCount + (double) rightSquares / rightCount - parent;
                best.offer(feature, BestSplit.midpoint(a, b), gain);
            }
        }
    }
}
