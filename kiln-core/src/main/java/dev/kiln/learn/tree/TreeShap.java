package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion &amp; Lee, "Consistent individualized feature attribution for tree
 * ensembles", 2018, Algorithm 2): the Shapley values of one row for one tree in O(leaves · depth²), with a
 * feature's absence modelled by following both children in proportion to their training cover. For each output,
 * the contributions sum to the tree's value for the row minus its {@link #expectedValue expected value} (cover-weighted
 * mean of the leaves). Written after the reference C++ implementation in the {@code shap} package
 * ({@code tree_shap.h}: {@code extend_path}, {@code unwind_path}, {@code unwound_path_sum}).
 *
 * <p>Mutable scratch space, one instance per thread; the trees it reads are not modified.
 */
public final class TreeShap {
    /** 1 / n for the small integers n, which the path weights are scaled by. */
    private static final double[] RECIPROCALS = reciprocals(1025);

    private int[] pathFeature = new int[64];
    private double[] pathZero = new double[64];
    private double[] pathOne = new double[64];
    private double[] pathWeight = new double[64];

    private ShapTree tree;
    private double[] x;
    private double[] phi;
    private int outputs;
    private int outputBase;
    private int width;
    private double scale;

    /**
     * Adds {@code scale} times the SHAP values of row {@code x} for {@code tree} to {@code phi}: value {@code k} of
     * the leaves (k in [0, width)) goes to output {@code outputBase + k}, feature {@code j}'s at
     * {@code phi[j * outputs + outputBase + k]}.
     */
    void add(ShapTree tree, double[] x, int width, int outputs, int outputBase, double scale, double[] phi) {
        int depth = tree.depth();
        int needed = (depth + 2) * (depth + 3) / 2;
        if (needed > pathFeature.length) {
            pathFeature = Arrays.copyOf(pathFeature, needed);
            pathZero = Arrays.copyOf(pathZero, needed);
            pathOne = Arrays.copyOf(pathOne, needed);
            pathWeight = Arrays.copyOf(pathWeight, needed);
        }
        this.tree = tree;
        this.x = x;
        this.phi = phi;
        this.width = width;
        this.outputs = outputs;
        this.outputBase = outputBase;
        this.scale = scale;
        recurse(tree.root(), 0, 0, 0, 1.0, 1.0, -1);
        this.tree = null;
        this.x = null;
        this.phi = null;
    }

    /** The cover-weighted mean of the leaf values of {@code tree}, output {@code k}: what SHAP values explain away from. */
    static double expectedValue(ShapTree tree, int k) {
        return expected(tree, tree.root(), k) / tree.cover(tree.root());
    }

    private static double expected(ShapTree tree, int node, int k) {
        if (tree.isLeaf(node)) {
            return tree.cover(node) * tree.value(node, k);
        }
        return expected(tree, tree.left(node), k) + expected(tree, tree.right(node), k);
    }

    /**
     * Visits {@code node}; the path of the parent starts at {@code parentStart} and has {@code depth} entries, this
     * node's copy of it starts right after at {@code start = parentStart + depth}.
     */
    private void recurse(int node, int parentStart, int start, int depth, double parentZero, double parentOne, int parentFeature) {
        if (depth > 0 || start != parentStart) {
            System.arraycopy(pathFeature, parentStart, pathFeature, start, depth);
            System.arraycopy(pathZero, parentStart, pathZero, start, depth);
            System.arraycopy(pathOne, parentStart, pathOne, start, depth);
            System.arraycopy(pathWeight, parentStart, pathWeight, start, depth);
        }
        extend(start, depth, parentZero, parentOne, parentFeature);
        if (tree.isLeaf(node)) {
            for (int i = 1; i <= depth; i++) {
                double w = unwoundSum(start, depth, i) * (pathOne[start + i] - pathZero[start + i]) * scale;
                int base = pathFeature[start + i] * outputs + outputBase;
                for (int k = 0; k < width; k++) {
                    phi[base + k] += w * tree.value(node, k);
                }
            }
            return;
        }
        int feature = tree.feature(node);
        int hot = tree.next(node, x);
        int cold = hot == tree.left(node) ? tree.right(node) : tree.left(node);
        double cover = tree.cover(node);
        double hotZero = cover > 0 ? tree.cover(hot) / cover : 0.5;
        double coldZero = cover > 0 ? tree.cover(cold) / cover : 0.5;
        double incomingZero = 1.0;
        double incomingOne = 1.0;
        int uniqueDepth = depth;
        int k = 0;
        while (k <= uniqueDepth && pathFeature[start + k] != feature) {
            k++;
        }
        if (k <= uniqueDepth) {
            incomingZero = pathZero[start + k];
            incomingOne = pathOne[start + k];
            unwind(start, uniqueDepth, k);
            uniqueDepth--;
        }
        int childStart = start + uniqueDepth + 1;
        recurse(hot, start, childStart, uniqueDepth + 1, hotZero * incomingZero, incomingOne, feature);
        recurse(cold, start, childStart, uniqueDepth + 1, coldZero * incomingZero, 0.0, feature);
    }

    /** Appends (feature, zero, one) to the path at {@code start} holding {@code depth} entries, updating the weights. */
    private void extend(int start, int depth, double zero, double one, int feature) {
        pathFeature[start + depth] = feature;
        pathZero[start + depth] = zero;
        pathOne[start + depth] = one;
        pathWeight[start + depth] = depth == 0 ? 1.0 : 0.0;
        double inverse = reciprocal(depth + 1);
        for (int i = depth - 1; i >= 0; i--) {
            pathWeight[start + i + 1] += one * pathWeight[start + i] * (i + 1) * inverse;
            pathWeight[start + i] = zero * pathWeight[start + i] * (depth - i) * inverse;
        }
    }

    /** Removes entry {@code index} from the path (the inverse of {@link #extend}). */
    private void unwind(int start, int depth, int index) {
        double one = pathOne[start + index];
        double zero = pathZero[start + index];
        double nextOnePortion = pathWeight[start + depth];
        double size = depth + 1;
        double inverseSize = reciprocal(depth + 1);
        if (one != 0) {
            double inverseOne = 1.0 / one;
            for (int i = depth - 1; i >= 0; i--) {
                double tmp = pathWeight[start + i];
                pathWeight[start + i] = nextOnePortion * size * inverseOne * reciprocal(i + 1);
                nextOnePortion = tmp - pathWeight[start + i] * zero * (depth - i) * inverseSize;
            }
        } else {
            double inverseZero = 1.0 / zero;
            for (int i = depth - 1; i >= 0; i--) {
                pathWeight[start + i] = pathWeight[start + i] * size * inverseZero * reciprocal(depth - i);
            }
        }
        for (int i = index; i < depth; i++) {
            pathFeature[start + i] = pathFeature[start + i + 1];
            pathZero[start + i] = pathZero[start + i + 1];
            pathOne[start + i] = pathOne[start + i + 1];
        }
    }

    /**
     * The total permutation weight of the path with entry {@code index} unwound, without changing the path. The hot
     * loop of TreeSHAP: divisions are replaced by multiplications with reciprocals (a table for the small integers).
     */
    private double unwoundSum(int start, int depth, int index) {
        double one = pathOne[start + index];
        double zero = pathZero[start + index];
        double nextOnePortion = pathWeight[start + depth];
        double size = depth + 1;
        double inverseSize = reciprocal(depth + 1);
        double total = 0.0;
        if (one != 0) {
            double scale = size / one;
            double zeroScale = zero * inverseSize;
            for (int i = depth - 1; i >= 0; i--) {
                double tmp = nextOnePortion * scale * reciprocal(i + 1);
                total += tmp;
                nextOnePortion = pathWeight[start + i] - tmp * zeroScale * (depth - i);
            }
        } else if (zero != 0) {
            double scale = size / zero;
            for (int i = depth - 1; i >= 0; i--) {
                total += pathWeight[start + i] * scale * reciprocal(depth - i);
            }
        }
        return total;
    }

    private static double[] reciprocals(int n) {
        double[] out = new double[n];
        for (int i = 1; i < n; i++) {
            out[i] = 1.0 / i;
        }
        return out;
    }

    /** 1 / {@code n} for {@code n >= 1}. */
    private static double reciprocal(int n) {
        return n < RECIPROCALS.length ? RECIPROCALS[n] : 1.0 / n;
    }
}
