package dev.kiln.learn.tree;

import dev.kiln.data.NumericColumn;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The numeric trees of a {@link TreeEnsemble} walked on small integer codes instead of doubles. Feature {@code f}'s
 * thresholds, few since they came from bin edges, are kept sorted and distinct as {@code T_f}; a value {@code v} is
 * coded once per row as {@code q = #{k : T_f[k] < v}}, so that {@code v > T_f[k]} exactly when {@code q > k} and a
 * node's test needs only the row's code byte. A row holds two codes a feature, alike but for NaN: in the first NaN is
 * {@value #NAN_HIGH}, above every value's code, so every node sends it right; in the second it is 0, so every node
 * sends it left; a node reads the one that matches its default direction. Every node, leaves included, is one
 * {@code long}: a bias that turns its test into one addition and one shift, the index of the code it reads, and the
 * slot of its left child, the right child in the next slot. A leaf is a node that never goes right and whose children
 * are itself, so a walk of tree {@code t} takes exactly {@code depth[t]} steps of two loads each (the node, the row's
 * code) and no data-dependent branch.
 *
 * <p>Reaches the same leaf as {@link TreeEnsemble#leaf} for every value, NaN, signed zeros and infinities included:
 * the codes compare as the doubles do ({@code -0.0} and {@code 0.0} are one threshold, as {@code >} sees them). Built
 * by {@link #of} only when every feature has at most {@value #MAX_THRESHOLDS} distinct thresholds, none NaN; for
 * ensembles without categorical splits and with one value per leaf.
 *
 * <p>Immutable and thread-safe; {@link #encode} and {@link #addBlock} allocate nothing.
 */
final class QuantizedTrees {
    /** A NaN's code in a feature's first code, above every value's: every node that reads it sends NaN right. */
    static final int NAN_HIGH = 255;
    /** The most distinct thresholds a feature may have: codes 0..254 for values. */
    static final int MAX_THRESHOLDS = 254;
    /** Codes are stored as signed bytes: code {@code q} as {@code q - OFFSET}. */
    private static final int OFFSET = 128;
    private static final int BIAS_BITS = 9;
    private static final int MAX_FEATURES = 1 << (31 - BIAS_BITS);

    /** Codes a row: two for each feature up to the largest that any split reads (at least two). */
    private final int codeWidth;
    private final int[] root;
    private final int[] depth;
    /**
     * Per walk slot: in bits 0-8 the bias {@code b} such that the node goes right when {@code (code byte + b) >>> 8}
     * is 1, in bits 9-31 the index of the code it reads within a row, in bits 32-63 its left child's slot.
     */
    private final long[] node;
    private final double[] value;
    /** The features that splits read, ascending. */
    private final int[] used;
    /** Per used feature: its thresholds, to count those below a value. */
    private final ThresholdCoder[] coders;

    private QuantizedTrees(int codeWidth, int[] root, int[] depth, long[] node, double[] value, int[] used,
            ThresholdCoder[] coders) {
        this.codeWidth = codeWidth;
        this.root = root;
        this.depth = depth;
        this.node = node;
        this.value = value;
        this.used = used;
        this.coders = coders;
    }

    /**
     * The coded layout of numeric trees given as {@link TreeEnsemble} arrays ({@code children} at {@code 2i} and
     * {@code 2i + 1}), or null when some feature has more than {@value #MAX_THRESHOLDS} distinct thresholds, a
     * threshold is NaN, or a split reads a feature at or above 2^22.
     */
    static QuantizedTrees of(int[] nodeStart, int[] leafStart, int[] feature, double[] threshold, int[] flags,
            int[] children, double[] leafValues) {
        int maxFeature = -1;
        for (int f : feature) {
            maxFeature = Math.max(maxFeature, f);
        }
        if (maxFeature >= MAX_FEATURES) {
            return null;
        }
        double[][] sorted = distinctThresholds(feature, threshold, maxFeature + 1);
        if (sorted == null) {
            return null;
        }
        int[] usedFeatures = usedFeatures(feature, maxFeature + 1);
        ThresholdCoder[] coders = new ThresholdCoder[usedFeatures.length];
        for (int u = 0; u < usedFeatures.length; u++) {
            coders[u] = new ThresholdCoder(sorted[usedFeatures[u]]);
        }
        int trees = nodeStart.length - 1;
        int slots = nodeStart[trees] + leafStart[trees];
        long[] walkNode = new long[slots];
        double[] walkValue = new double[slots];
        int[] roots = new int[trees];
        int[] depths = new int[trees];
        int next = 0;
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int t = 0; t < trees; t++) {
            roots[t] = next;
            queue.add(new int[] {nodeStart[t + 1] > nodeStart[t] ? 0 : ~0, next++, 0});
            while (!queue.isEmpty()) {
                int[] item = queue.poll();
                int ref = item[0];
                int slot = item[1];
                depths[t] = Math.max(depths[t], item[2]);
                if (ref < 0) {
                    walkNode[slot] = leafNode(slot);
                    walkValue[slot] = leafValues[leafStart[t] + ~ref];
                    continue;
                }
                if (next + 2 > slots) {
                    return null; // not a tree (a node with two parents): the double walk takes it
                }
                int i = nodeStart[t] + ref;
                int left = next;
                next += 2;
                walkNode[slot] = splitNode(sorted[feature[i]], feature[i], threshold[i],
                        (flags[i] & TreeEnsemble.DEFAULT_LEFT) == 0, left);
                queue.add(new int[] {children[2 * i], left, item[2] + 1});
                queue.add(new int[] {children[2 * i + 1], left + 1, item[2] + 1});
            }
        }
        if (next != slots) {
            return null; // not a tree (a node without a parent): the double walk takes it
        }
        return new QuantizedTrees(2 * Math.max(1, maxFeature + 1), roots, depths, walkNode, walkValue,
                usedFeatures, coders);
    }

    /**
     * Per feature below {@code features}: its thresholds sorted and distinct, {@code -0.0} as {@code 0.0}; null if one
     * has too many, or if one is NaN (which {@link TreeEnsemble#leaf} and {@link BranchFreeTrees} route differently).
     */
    private static double[][] distinctThresholds(int[] feature, double[] threshold, int features) {
        int[] count = new int[features];
        for (int f : feature) {
            count[f]++;
        }
        double[][] values = new double[features][];
        for (int f = 0; f < features; f++) {
            values[f] = new double[count[f]];
        }
        Arrays.fill(count, 0);
        for (int i = 0; i < feature.length; i++) {
            double t = threshold[i];
            if (t != t) {
                return null;
            }
            values[feature[i]][count[feature[i]]++] = t + 0.0; // -0.0 + 0.0 == +0.0
        }
        for (int f = 0; f < features; f++) {
            double[] v = Arrays.copyOf(values[f], count[f]);
            Arrays.sort(v);
            int distinct = 0;
            for (int k = 0; k < v.length; k++) {
                if (distinct == 0 || v[k] != v[distinct - 1]) {
                    v[distinct++] = v[k];
                }
            }
            if (distinct > MAX_THRESHOLDS) {
                return null;
            }
            values[f] = Arrays.copyOf(v, distinct);
        }
        return values;
    }

    /** The features below {@code features} that some split reads, ascending. */
    private static int[] usedFeatures(int[] feature, int features) {
        boolean[] read = new boolean[features];
        for (int f : feature) {
            read[f] = true;
        }
        int n = 0;
        int[] used = new int[features];
        for (int f = 0; f < features; f++) {
            if (read[f]) {
                used[n++] = f;
            }
        }
        return Arrays.copyOf(used, n);
    }

    /** A leaf at {@code slot}: bias {@code OFFSET} never goes right (a code byte plus 128 is below 256), and both children are the leaf itself. */
    private static long leafNode(int slot) {
        return OFFSET | (long) slot << 32;
    }

    /**
     * A split on {@code feature} at {@code threshold} ({@code thresholds} its feature's sorted distinct thresholds):
     * codes {@code lo = k + 1} and above go right, where {@code thresholds[k] == threshold}, so the bias is
     * {@code 256 + OFFSET - lo}. It reads its feature's first code when it sends NaN right, the second when left.
     */
    private static long splitNode(double[] thresholds, int feature, double threshold, boolean nanRight, int left) {
        int lo = Arrays.binarySearch(thresholds, threshold + 0.0) + 1;
        int code = 2 * feature + (nanRight ? 0 : 1);
        return (256 + OFFSET - lo) | (long) code << BIAS_BITS | (long) left << 32;
    }

    /** The codes a row takes in {@link #encode}'s blocks. */
    int codeWidth() {
        return codeWidth;
    }

    /**
     * Codes rows {@code [from, to)} of {@code columns} (column {@code f} is feature {@code f}) into {@code codes}: row
     * {@code i - from}'s two codes of feature {@code f} at {@code (i - from) * codeWidth() + 2f} and the next; only the
     * features that splits read are coded.
     */
    void encode(NumericColumn[] columns, int from, int to, byte[] codes) {
        for (int u = 0; u < used.length; u++) {
            coders[u].encode(columns[used[u]], from, to, codes, 2 * used[u], codeWidth, NAN_HIGH, OFFSET);
        }
    }

    /**
     * The slot that the row whose codes start at {@code codes[o]} moves to from the slot whose node is {@code nd}. Static
     * and under 35 bytecodes, so that C1 inlines it too: a cold batch's first walks then make no calls per step.
     */
    private static int step(long nd, byte[] codes, int o) {
        int low = (int) nd;
        return (int) (nd >>> 32) + ((codes[o + (low >>> BIAS_BITS)] + (low & (1 << BIAS_BITS) - 1)) >>> 8);
    }

    /**
     * Adds to {@code scores[at + i]}, for each row {@code i < rows} of the {@link #encode}d {@code codes}, the leaf
     * values that row reaches in trees {@code first, first + step, ...} below {@code end}, tree by tree in that order,
     * so each row's sum is {@link TreeEnsemble#accumulate}'s, bit for bit. Eight rows walk a tree at once so that their
     * loads overlap; the tree's nodes and the block's codes stay in the nearest cache.
     */
    void addBlock(byte[] codes, int rows, double[] scores, int at, int first, int step, int end) {
        for (int t = first; t < end; t += step) {
            int top = root[t];
            int steps = depth[t];
            int i = 0;
            for (; i + 7 < rows; i += 8) {
                walkEight(codes, i * codeWidth, top, steps, scores, at + i);
            }
            for (; i < rows; i++) {
                scores[at + i] += value[walkOne(codes, i * codeWidth, top, steps)];
            }
        }
    }

    /** The leaf slot that the row whose codes start at {@code codes[o]} reaches from root slot {@code top} in {@code steps} steps. */
    private int walkOne(byte[] codes, int o, int top, int steps) {
        long[] nodes = node;
        int a = top;
        for (int s = 0; s < steps; s++) {
            a = step(nodes[a], codes, o);
        }
        return a;
    }

    /**
     * Walks the eight rows whose codes start at {@code codes[offset]} through the tree with root slot {@code top} and
     * depth {@code steps}, adding their leaf values to {@code scores[at .. at + 7]}. A method of its own so that the
     * JIT compiles it soon and small, as the hot code of a cold batch.
     */
    private void walkEight(byte[] codes, int offset, int top, int steps, double[] scores, int at) {
        int w = codeWidth;
        int o0 = offset;
        int o1 = o0 + w;
        int o2 = o1 + w;
        int o3 = o2 + w;
        int o4 = o3 + w;
        int o5 = o4 + w;
        int o6 = o5 + w;
        int o7 = o6 + w;
        long[] nodes = node;
        long root = nodes[top]; // the same node for all eight: loaded once
        int n0 = step(root, codes, o0);
        int n1 = step(root, codes, o1);
        int n2 = step(root, codes, o2);
        int n3 = step(root, codes, o3);
        int n4 = step(root, codes, o4);
        int n5 = step(root, codes, o5);
        int n6 = step(root, codes, o6);
        int n7 = step(root, codes, o7);
        for (int s = 1; s < steps; s++) {
            n0 = step(nodes[n0], codes, o0);
            n1 = step(nodes[n1], codes, o1);
            n2 = step(nodes[n2], codes, o2);
            n3 = step(nodes[n3], codes, o3);
            n4 = step(nodes[n4], codes, o4);
            n5 = step(nodes[n5], codes, o5);
            n6 = step(nodes[n6], codes, o6);
            n7 = step(nodes[n7], codes, o7);
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
