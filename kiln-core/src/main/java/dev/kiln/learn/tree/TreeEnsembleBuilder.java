package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * Collects trees node by node into a {@link TreeEnsemble}. Within a tree, add a split before its
 * children ({@link #addNumericSplit}, {@link #addCategoricalSplit}), then link it with
 * {@link #setChildren} using a child's local node index, or {@code ~leaf} for a leaf from
 * {@link #addLeaf}. Mutable, single-threaded; used only in training.
 */
public final class TreeEnsembleBuilder {
    private final int width;
    private int[] nodeStart = new int[16];
    private int[] leafStart = new int[16];
    private int trees;
    private int nodes;
    private int leaves;
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] flags = new int[64];
    private int[] categoryStart = new int[64];
    private double[] gain = new double[64];
    private int[] categoryWords = new int[0];
    private double[] leafValues = new double[64];

    /** A builder for leaves of {@code width} values. */
    public TreeEnsembleBuilder(int width) {
        this.width = width;
    }

    /** Starts a new tree; the previous one must be complete. */
    public void startTree() {
        if (trees + 2 > nodeStart.length) {
            nodeStart = Arrays.copyOf(nodeStart, nodeStart.length * 2);
            leafStart = Arrays.copyOf(leafStart, leafStart.length * 2);
        }
        trees++;
        nodeStart[trees] = nodes;
        leafStart[trees] = leaves;
    }

    /** Adds a numeric split to the current tree; returns its local index. */
    public int addNumericSplit(int featureIndex, double thresholdValue, boolean defaultLeft, double splitGain) {
        int i = addNode(featureIndex, defaultLeft ? TreeEnsemble.DEFAULT_LEFT : 0, splitGain);
        threshold[i] = thresholdValue;
        return i - nodeStart[trees - 1];
    }

    /** Adds a split sending the bins set in {@code binsLeft} (8 ints, bit {@code b} for bin {@code b}) left. */
    public int addCategoricalSplit(int featureIndex, int[] binsLeft, double splitGain) {
        int i = addNode(featureIndex, TreeEnsemble.CATEGORICAL, splitGain);
        int start = categoryWords.length;
        categoryWords = Arrays.copyOf(categoryWords, start + TreeEnsemble.CATEGORY_WORDS);
        System.arraycopy(binsLeft, 0, categoryWords, start, TreeEnsemble.CATEGORY_WORDS);
        categoryStart[i] = start;
        return i - nodeStart[trees - 1];
    }

    /** Links local node {@code node} of the current tree to its children (local node or {@code ~leaf}). */
    public void setChildren(int node, int leftChild, int rightChild) {
        int i = nodeStart[trees - 1] + node;
        left[i] = leftChild;
        right[i] = rightChild;
    }

    /** Adds a leaf holding {@code values} to the current tree; returns its local index. */
    public int addLeaf(double[] values) {
        if ((leaves + 1) * width > leafValues.length) {
            leafValues = Arrays.copyOf(leafValues, Math.max(leafValues.length * 2, (leaves + 1) * width));
        }
        System.arraycopy(values, 0, leafValues, leaves * width, width);
        leaves++;
        leafStart[trees] = leaves;
        return leaves - 1 - leafStart[trees - 1];
    }

    private int addNode(int featureIndex, int flag, double splitGain) {
        if (nodes == feature.length) {
            int n = nodes * 2;
            feature = Arrays.copyOf(feature, n);
            threshold = Arrays.copyOf(threshold, n);
            left = Arrays.copyOf(left, n);
            right = Arrays.copyOf(right, n);
            flags = Arrays.copyOf(flags, n);
            categoryStart = Arrays.copyOf(categoryStart, n);
            gain = Arrays.copyOf(gain, n);
        }
        int i = nodes++;
        feature[i] = featureIndex;
        flags[i] = flag;
        categoryStart[i] = -1;
        gain[i] = splitGain;
        nodeStart[trees] = nodes;
        return i;
    }

    /** The ensemble of every tree added so far. */
    public TreeEnsemble build() {
        return new TreeEnsemble(width, Arrays.copyOf(nodeStart, trees + 1), Arrays.copyOf(leafStart, trees + 1),
                Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(left, nodes),
                Arrays.copyOf(right, nodes), Arrays.copyOf(flags, nodes), Arrays.copyOf(categoryStart, nodes),
                categoryWords.clone(), Arrays.copyOf(gain, nodes), Arrays.copyOf(leafValues, leaves * width));
    }
}
