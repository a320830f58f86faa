package dev.kiln.learn.gbm;

import java.util.Deque;

/**
 * A leaf of a tree being grown: its segment {@code [start, end)} of the grower's row array, its depth, the gradient
 * and hessian sums of its rows, its best split (null when it will not split) and, while it may split, its histogram.
 * Once split, perhaps ahead of its turn (see {@link TreeGrower}), it holds its two children, to which its histogram
 * has passed. The children are set once, by the thread that splits the leaf; they are read after that thread's task
 * has been joined.
 */
final class GrowingLeaf {
    private final int start;
    private final int end;
    private final int depth;
    private final double gradients;
    private final double hessians;
    private final SplitInfo split;
    private final double[] histogram;
    private GrowingLeaf left;
    private GrowingLeaf right;

    /** A leaf of rows {@code [start, end)} with these sums, its best split and histogram (both null when it will not split). */
    GrowingLeaf(int start, int end, int depth, double gradients, double hessians, SplitInfo split, double[] histogram) {
        this.start = start;
        this.end = end;
        this.depth = depth;
        this.gradients = gradients;
        this.hessians = hessians;
        this.split = split;
        this.histogram = histogram;
    }

    /**
     * A leaf that may split by {@code split} with {@code histogram}; when {@code split} is null it will not split, and
     * its histogram goes back to {@code free}.
     */
    static GrowingLeaf of(int start, int end, int depth, double gradients, double hessians, SplitInfo split,
            double[] histogram, Deque<double[]> free) {
        if (split == null) {
            free.push(histogram);
            return new GrowingLeaf(start, end, depth, gradients, hessians, null, null);
        }
        return new GrowingLeaf(start, end, depth, gradients, hessians, split, histogram);
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int rows() {
        return end - start;
    }

    int depth() {
        return depth;
    }

    double gradients() {
        return gradients;
    }

    double hessians() {
        return hessians;
    }

    SplitInfo split() {
        return split;
    }

    double[] histogram() {
        return histogram;
    }

    boolean isSplit() {
        return left != null;
    }

    GrowingLeaf left() {
        return left;
    }

    GrowingLeaf right() {
        return right;
    }

    void setChildren(GrowingLeaf leftChild, GrowingLeaf rightChild) {
        left = leftChild;
        right = rightChild;
    }

    /** Returns the histograms this leaf holds (its own, or once split those of the leaves below it) to {@code free}. */
    void releaseHistograms(Deque<double[]> free) {
        if (isSplit()) {
            left.releaseHistograms(free);
            right.releaseHistograms(free);
        } else if (histogram != null) {
            free.push(histogram);
        }
    }
}
