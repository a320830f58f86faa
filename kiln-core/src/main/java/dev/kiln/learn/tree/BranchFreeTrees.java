package dev.kiln.learn.tree;

/**
 * The numeric trees of a {@link TreeEnsemble} laid out for walks without data-dependent branches:
 * every leaf is a node whose two children are itself, so a walk of tree {@code t} takes exactly
 * {@code depth[t]} steps, and each step picks its child by arithmetic on the comparison rather than
 * by a jump the processor must guess. Reaches the same leaf as {@link TreeEnsemble#leaf}: a value goes
 * right when {@code v > threshold}, or when it is NaN and the node's default direction is right.
 * Used only for ensembles without categorical splits and with one value per leaf.
 *
 * <p>Immutable and thread-safe; walks allocate nothing.
 */
final class BranchFreeTrees {
    private final int[] root;
    private final int[] depth;
    private final int[] feature;
    private final double[] threshold;
    private final int[] nanRight;
    private final int[] children;
    private final double[] value;

    private BranchFreeTrees(int[] root, int[] depth, int[] feature, double[] threshold, int[] nanRight, int[] children,
            double[] value) {
        this.root = root;
        this.depth = depth;
        this.feature = feature;
        this.threshold = threshold;
        this.nanRight = nanRight;
        this.children = children;
        this.value = value;
    }

    /**
     * The walk layout of trees given as {@link TreeEnsemble} arrays: tree {@code t}'s internal nodes keep
     * their order and its leaves follow them, so walk node {@code nodeStart[t] + leafStart[t] + k} is
     * leaf {@code k} of tree {@code t}.
     */
    static BranchFreeTrees of(int[] nodeStart, int[] leafStart, int[] feature, double[] threshold, int[] flags,
            int[] children, double[] leafValues) {
        int trees = nodeStart.length - 1;
        int total = nodeStart[trees] + leafStart[trees];
        int[] root = new int[trees];
        int[] depth = new int[trees];
        int[] walkFeature = new int[total];
        double[] walkThreshold = new double[total];
        int[] walkNanRight = new int[total];
        int[] walkChildren = new int[2 * total];
        double[] walkValue = new double[total];
        for (int t = 0; t < trees; t++) {
            int base = nodeStart[t] + leafStart[t];
            int nodes = nodeStart[t + 1] - nodeStart[t];
            int leaves = leafStart[t + 1] - leafStart[t];
            root[t] = base;
            int[] nodeDepth = new int[nodes];
            for (int n = 0; n < nodes; n++) {
                int i = nodeStart[t] + n;
                int w = base + n;
                walkFeature[w] = feature[i];
                walkThreshold[w] = threshold[i];
                walkNanRight[w] = (flags[i] & TreeEnsemble.DEFAULT_LEFT) != 0 ? 0 : 1;
                for (int side = 0; side < 2; side++) {
                    int child = children[2 * i + side];
                    walkChildren[2 * w + side] = child >= 0 ? base + child : base + nodes + ~child;
                    int childDepth = nodeDepth[n] + 1;
                    if (child >= 0) {
                        nodeDepth[child] = childDepth;
                    }
                    depth[t] = Math.max(depth[t], childDepth);
                }
            }
            for (int k = 0; k < leaves; k++) {
                int w = base + nodes + k;
                walkChildren[2 * w] = w;
                walkChildren[2 * w + 1] = w;
                walkValue[w] = leafValues[leafStart[t] + k];
            }
        }
        return new BranchFreeTrees(root, depth, walkFeature, walkThreshold, walkNanRight, walkChildren, walkValue);
    }

    /** The child of walk node {@code node} that value {@code v} leads to. */
    private int step(int node, double v) {
        int right = (v > threshold[node] ? 1 : 0) | ((v != v ? 1 : 0) & nanRight[node]);
        return children[2 * node + right];
    }

    /**
     * {@code start} plus the leaf value that row {@code x[offset ..]} reaches in trees
     * {@code first, first + step, ...} below {@code end}, added one tree at a time in that order.
     * Walks four trees at once so their loads overlap.
     */
    double accumulate(double start, double[] x, int offset, int first, int step, int end) {
        double sum = start;
        int t = first;
        for (; t + 3 * step < end; t += 4 * step) {
            int a = root[t];
            int b = root[t + step];
            int c = root[t + 2 * step];
            int d = root[t + 3 * step];
            int steps = Math.max(Math.max(depth[t], depth[t + step]), Math.max(depth[t + 2 * step], depth[t + 3 * step]));
            for (int s = 0; s < steps; s++) {
                a = step(a, x[offset + feature[a]]);
                b = step(b, x[offset + feature[b]]);
                c = step(c, x[offset + feature[c]]);
                d = step(d, x[offset + feature[d]]);
            }
            sum += value[a];
            sum += value[b];
            sum += value[c];
            sum += value[d];
        }
        for (; t < end; t += step) {
            int a = root[t];
            for (int s = depth[t]; s > 0; s--) {
                a = step(a, x[offset + feature[a]]);
            }
            sum += value[a];
        }
        return sum;
    }

    /**
     * Adds to {@code scores[at + i]}, for each row {@code i < rows} of the row-major {@code block} ({@code width}
     * values a row), the leaf values that row reaches in trees {@code first, first + step, ...} below {@code end},
     * tree by tree in that order: each row's sum is the one {@link #accumulate} makes. A tree is walked for every
     * row of the block before the next, eight rows at once so that their loads overlap, and its nodes stay in the
     * nearest cache.
     */
    void addBlock(double[] block, int width, int rows, double[] scores, int at, int first, int step, int end) {
        for (int t = first; t < end; t += step) {
            int top = root[t];
            int steps = depth[t];
            int i = 0;
            for (; i + 7 < rows; i += 8) {
                walkEight(block, i * width, width, top, steps, scores, at + i);
            }
            for (; i < rows; i++) {
                int a = top;
                int o = i * width;
                for (int s = 0; s < steps; s++) {
                    a = step(a, block[o + feature[a]]);
                }
                scores[at + i] += value[a];
            }
        }
    }

    /**
     * Walks the eight rows that start at {@code block[offset]} ({@code width} values apart) through the tree with
     * walk root {@code top} and depth {@code steps}, adding their leaf values to {@code scores[at .. at + 7]}; the rows'
     * loads overlap. A method of its own so that the JIT compiles it soon and small, as the hot code of a cold batch.
     */
    private void walkEight(double[] block, int offset, int width, int top, int steps, double[] scores, int at) {
        int o0 = offset;
        int o1 = o0 + width;
        int o2 = o1 + width;
        int o3 = o2 + width;
        int o4 = o3 + width;
        int o5 = o4 + width;
        int o6 = o5 + width;
        int o7 = o6 + width;
        int n0 = top;
        int n1 = top;
        int n2 = top;
        int n3 = top;
        int n4 = top;
        int n5 = top;
        int n6 = top;
        int n7 = top;
        for (int s = 0; s < steps; s++) {
            n0 = step(n0, block[o0 + feature[n0]]);
            n1 = step(n1, block[o1 + feature[n1]]);
            n2 = step(n2, block[o2 + feature[n2]]);
            n3 = step(n3, block[o3 + feature[n3]]);
            n4 = step(n4, block[o4 + feature[n4]]);
            n5 = step(n5, block[o5 + feature[n5]]);
            n6 = step(n6, block[o6 + feature[n6]]);
            n7 = step(n7, block[o7 + feature[n7]]);
        }
        scores[at] += value[n0];
        scores[at + 1] += value[n1];
        scores[at + 2] += value[n2];
        scores[at + 3] += value[n3];
        scores[at + 4] += value[n4];
        scores[at + 5] += value[n5];
        scores[at + 6] += value[n6];
        scores[at + 7] += value[n7];
    }
}
