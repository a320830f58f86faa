package dev.kiln.learn.tree;

/** A {@link CompactTree} seen through {@link ShapTree}: node ids are the tree's, cover its training sample counts. */
final class CompactShapTree implements ShapTree {
    private final CompactTree tree;
    private final int depth;
    private final double[] expected;

    CompactShapTree(CompactTree tree) {
        this.tree = tree;
        this.depth = tree.depth();
        this.expected = new double[tree.width()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = TreeShap.expectedValue(this, k);
        }
    }

    @Override
    public double expectedValue(int k) {
        return expected[k];
    }

    @Override
    public int root() {
        return 0;
    }

    @Override
    public boolean isLeaf(int node) {
        return tree.isLeaf(node);
    }

    @Override
    public int feature(int node) {
        return tree.feature(node);
    }

    @Override
    public int next(int node, double[] x) {
        return x[tree.feature(node)] <= tree.threshold(node) ? tree.left(node) : tree.right(node);
    }

    @Override
    public int left(int node) {
        return tree.left(node);
    }

    @Override
    public int right(int node) {
        return tree.right(node);
    }

    @Override
    public double cover(int node) {
        return tree.samples(node);
    }

    @Override
    public double value(int node, int k) {
        return tree.value(node, k);
    }

    @Override
    public int depth() {
        return depth;
    }
}
