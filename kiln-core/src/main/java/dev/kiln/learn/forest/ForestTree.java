package dev.kiln.learn.forest;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.TreeEnsembleBuilder;

/**
 * One forest tree as the grower leaves it, in bin terms: internal node {@code i} sends rows with
 * {@code 1 <= bin(feature[i]) <= bin[i]} left and the others, missing values included, right; a child
 * {@code c >= 0} is an internal node, {@code c < 0} the leaf {@code ~c}; every leaf holds
 * {@code width} values. Also records the rows its bootstrap sample missed and the leaf each of them
 * reached. Used only in training; immutable once grown.
 */
final class ForestTree {
    private final int[] feature;
    private final int[] bin;
    private final int[] left;
    private final int[] right;
    private final double[] leafValues;
    private final int width;
    private final int[] outOfBagRows;
    private final int[] outOfBagLeaves;

    ForestTree(int[] feature, int[] bin, int[] left, int[] right, double[] leafValues, int width, int[] outOfBagRows,
               int[] outOfBagLeaves) {
        this.feature = feature;
        this.bin = bin;
        this.left = left;
        this.right = right;
        this.leafValues = leafValues;
        this.width = width;
        this.outOfBagRows = outOfBagRows;
        this.outOfBagLeaves = outOfBagLeaves;
    }

    /** Adds, for every row the sample missed, its leaf's values to {@code sums[row * width ...]} and 1 to {@code counts[row]}. */
    void addOutOfBag(double[] sums, int[] counts) {
        for (int i = 0; i < outOfBagRows.length; i++) {
            int row = outOfBagRows[i];
            int base = outOfBagLeaves[i] * width;
            for (int k = 0; k < width; k++) {
                sums[row * width + k] += leafValues[base + k];
            }
            counts[row]++;
        }
    }

    /** Appends this tree to {@code builder}, with raw thresholds taken from {@code data}'s bins. */
    void addTo(TreeEnsembleBuilder builder, BinnedData data) {
        builder.startTree();
        for (int i = 0; i < feature.length; i++) {
            builder.addNumericSplit(feature[i], data.feature(feature[i]).threshold(bin[i]), false, 0);
        }
        double[] value = new double[width];
        for (int l = 0; l < leafValues.length / width; l++) {
            System.arraycopy(leafValues, l * width, value, 0, width);
            builder.addLeaf(value);
        }
        for (int i = 0; i < feature.length; i++) {
            builder.setChildren(i, left[i], right[i]);
        }
    }
}
