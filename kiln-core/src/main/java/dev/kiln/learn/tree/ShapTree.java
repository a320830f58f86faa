package dev.kiln.learn.tree;

/**
 * One binary tree as {@link TreeShap} walks it: nodes by integer id, a leaf's values, the training cover
 * (rows that reached a node) and the child a row goes to. Implemented over {@link CompactTree} and one tree of a
 * {@link TreeEnsemble}; read-only.
 */
interface ShapTree {
    int root();

    boolean isLeaf(int node);

    /** The feature an internal node splits on. */
    int feature(int node);

    /** The child of internal node {@code node} that row {@code x} goes to. */
    int next(int node, double[] x);

    int left(int node);

    int right(int node);

    /** The training rows (or their weight) that reached {@code node}; a parent's is the sum of its children's. */
    double cover(int node);

    /** Value {@code k} of leaf {@code node}. */
    double value(int node, int k);

    /** The depth of the deepest leaf; 0 for a single leaf. */
    int depth();

    /** The cover-weighted mean of value {@code k} over the leaves (see {@link TreeShap#expectedValue}). */
    double expectedValue(int k);
}
