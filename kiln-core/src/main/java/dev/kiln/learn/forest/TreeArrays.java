package dev.kiln.learn.forest;

import java.util.Arrays;

/** Growable node and leaf arrays for one {@link ForestTree} while it grows. Mutable; training only. */
final class TreeArrays {
    private final int width;
    private int[] feature = new int[16];
    private int[] bin = new int[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private double[] leafValues = new double[16];
    private int nodes;
    private int leaves;

    TreeArrays(int width) {
        this.width = width;
    }

    int addNode(int splitFeature, int splitBin) {
        if (nodes == feature.length) {
            feature = Arrays.copyOf(feature, nodes * 2);
            bin = Arrays.copyOf(bin, nodes * 2);
            left = Arrays.copyOf(left, nodes * 2);
            right = Arrays.copyOf(right, nodes * 2);
        }
        feature[nodes] = splitFeature;
        bin[nodes] = splitBin;
        return nodes++;
    }

    void setChildren(int node, int leftChild, int rightChild) {
        left[node] = leftChild;
        right[node] = rightChild;
    }

    int addLeaf(double[] values) {
        if ((leaves + 1) * width > leafValues.length) {
            leafValues = Arrays.copyOf(leafValues, Math.max(leafValues.length * 2, (leaves + 1) * width));
        }
        System.arraycopy(values, 0, leafValues, leaves * width, width);
        return leaves++;
    }

    /** The tree, with the rows its sample missed (ascending) and the leaf each reached. */
    ForestTree toTree(int[] outOfBagRows, int[] outOfBagLeaves) {
        return new ForestTree(Arrays.copyOf(feature, nodes), Arrays.copyOf(bin, nodes), Arrays.copyOf(left, nodes),
                Arrays.copyOf(right, nodes), Arrays.copyOf(leafValues, leaves * width), width, outOfBagRows, outOfBagLeaves);
    }
}
