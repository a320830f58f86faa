package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.TreeEnsembleBuilder;

/**
 * One tree as the grower leaves it, in bin terms: internal node {@code i} splits on
 * {@code splits[i]}, its children are internal nodes ({@code >= 0}) or leaves ({@code ~leaf}); leaf
 * {@code l} holds the shrunk value {@code values[l]}. Used only in training, to score rows that are
 * already binned and to be copied into the serving {@link dev.kiln.learn.tree.TreeEnsemble}.
 * Immutable once grown (its arrays are not shared).
 */
final class GrownTree {
    private final SplitInfo[] splits;
    private final int[] left;
    private final int[] right;
    private final double[] values;
    private final int[] nodeRows;
    private final int[] leafRows;

    /** {@code nodeRows[i]} and {@code leafRows[l]}: how many of the tree's training rows reached node {@code i} and leaf {@code l}. */
    GrownTree(SplitInfo[] splits, int[] left, int[] right, double[] values, int[] nodeRows, int[] leafRows) {
        this.splits = splits;
        this.left = left;
        this.right = right;
        this.values = values;
        this.nodeRows = nodeRows;
        this.leafRows = leafRows;
    }

    /** Adds the rows that reached each internal node and leaf to {@code nodes[nodeBase + i]} and {@code leaves[leafBase + l]}. */
    void addCover(double[] nodes, int nodeBase, double[] leaves, int leafBase) {
        for (int i = 0; i < nodeRows.length; i++) {
            nodes[nodeBase + i] += nodeRows[i];
        }
        for (int l = 0; l < leafRows.length; l++) {
            leaves[leafBase + l] += leafRows[l];
        }
    }

    int nodeCount() {
        return splits.length;
    }

    int leafCount() {
        return values.length;
    }

    double value(int leaf) {
        return values[leaf];
    }

    /** The leaf that binned row {@code row} of {@code data} reaches. */
    int leaf(BinnedData data, int row) {
        if (splits.length == 0) {
            return 0;
        }
        int node = 0;
        while (true) {
            SplitInfo split = splits[node];
            int next = split.goesLeft(data.column(split.feature())[row] & 0xFF) ? left[node] : right[node];
            if (next < 0) {
                return ~next;
            }
            node = next;
        }
    }

    /** Appends this tree to {@code builder}, with raw thresholds taken from {@code data}'s bins. */
    void addTo(TreeEnsembleBuilder builder, BinnedData data) {
        builder.startTree();
        for (SplitInfo split : splits) {
            if (split.isCategorical()) {
                builder.addCategoricalSplit(split.feature(), split.categoryBins(), split.gain());
            } else {
                builder.addNumericSplit(split.feature(), data.feature(split.feature()).threshold(split.bin()),
                        split.defaultLeft(), split.gain());
            }
        }
        double[] value = new double[1];
        for (double v : values) {
            value[0] = v;
            builder.addLeaf(value);
        }
        for (int i = 0; i < splits.length; i++) {
            builder.setChildren(i, left[i], right[i]);
        }
    }
}
