package dev.kiln.learn.tree;

/**
 * A node while the tree grows: its prediction and row count, and once split, its feature, threshold
 * and children (indexes into the grower's node list). Used only in training; {@link CompactTree} is
 * what serves. Mutable.
 */
final class TrainingNode {
    final double[] value;
    final int samples;
    int feature = -1;
    double threshold;
    int left = -1;
    int right = -1;

    TrainingNode(double[] value, int samples) {
        this.value = value;
        this.samples = samples;
    }

    boolean isLeaf() {
        return feature < 0;
    }
}
