package dev.kiln.learn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import java.util.List;

/**
 * A fitted binary decision tree in flat arrays, the form trees are served from. Node {@code i} is a
 * leaf when {@code feature[i] < 0}; otherwise rows with {@code x[feature[i]] <= threshold[i]} go to
 * {@code left[i]} and the others (NaN included) to {@code right[i]}. Every node holds {@code width}
 * values (row-major): class probabilities or the regression value. Node 0 is the root and children
 * always come after their parent, which {@link #fromJson} checks, so a walk always ends.
 *
 * <p>Immutable and thread-safe: arrays are copied in and never handed out; {@link #predict}
 * allocates nothing and costs one comparison per level.
 */
public final class CompactTree {
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] values;
    private final int[] samples;
    private final int width;

    private CompactTree(int[] feature, double[] threshold, int[] left, int[] right, double[] values, int[] samples, int width) {
        int n = feature.length;
        Checks.checkArgument(n >= 1 && width >= 1, "tree: expected at least one node and width >= 1, got %s nodes, width %s", n, width);
        Checks.checkArgument(threshold.length == n && left.length == n && right.length == n && samples.length == n,
                "tree: node arrays must all have %s entries", n);
        Checks.checkArgument(values.length == n * width, "tree: values: expected %s entries, got %s", n * width, values.length);
        for (int i = 0; i < n; i++) {
            boolean leaf = feature[i] < 0;
            Checks.checkArgument(leaf ? left[i] == -1 && right[i] == -1
                    : left[i] > i && left[i] < n && right[i] > i && right[i] < n,
                    "tree: node %s has invalid children %s and %s", i, left[i], right[i]);
        }
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.values = values;
        this.samples = samples;
        this.width = width;
    }

    /** Flattens the nodes of a grower, numbered as listed. */
    static CompactTree of(List<TrainingNode> nodes, int width) {
        int n = nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        int[] samples = new int[n];
        double[] values = new double[n * width];
        for (int i = 0; i < n; i++) {
            TrainingNode node = nodes.get(i);
            feature[i] = node.feature;
            threshold[i] = node.isLeaf() ? 0 : node.threshold;
            left[i] = node.left;
            right[i] = node.right;
            samples[i] = node.samples;
            System.arraycopy(node.value, 0, values, i * width, width);
        }
        return new CompactTree(feature, threshold, left, right, values, samples, width);
    }

    /** Rebuilds a tree written by {@link #toJson}, checking its structure. */
    public static CompactTree fromJson(ObjectNode json, BinaryArrays arrays) {
        JsonNode width = json.get("width");
        Checks.checkArgument(width != null && width.isIntegralNumber() && width.canConvertToInt(), "tree: width: expected an integer");
        return new CompactTree(arrays.ints(text(json, "feature")).clone(), arrays.doubles(text(json, "threshold")).clone(),
                arrays.ints(text(json, "left")).clone(), arrays.ints(text(json, "right")).clone(),
                arrays.doubles(text(json, "values")).clone(), arrays.ints(text(json, "samples")).clone(), width.intValue());
    }

    /** The tree as JSON, its arrays put in {@code arrays}. */
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("width", width);
        json.put("feature", arrays.putInts(feature));
        json.put("threshold", arrays.putDoubles(threshold));
        json.put("left", arrays.putInts(left));
        json.put("right", arrays.putInts(right));
        json.put("values", arrays.putDoubles(values));
        json.put("samples", arrays.putInts(samples));
        return json;
    }

    /** The leaf that {@code x} reaches. */
    public int leaf(double[] x) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /** Writes the {@link #width()} values of the leaf that {@code x} reaches into {@code out}. Allocates nothing. */
    public void predict(double[] x, double[] out) {
        System.arraycopy(values, leaf(x) * width, out, 0, width);
    }

    public int nodeCount() {
        return feature.length;
    }

    /** The number of values per node: the class count, or 1 for regression. */
    public int width() {
        return width;
    }

    public boolean isLeaf(int node) {
        return feature[node] < 0;
    }

    /** The feature index that {@code node} splits on, or -1 for a leaf. */
    public int feature(int node) {
        return feature[node];
    }

    public double threshold(int node) {
        return threshold[node];
    }

    /** The left child of {@code node}, or -1 for a leaf. */
    public int left(int node) {
        return left[node];
    }

    /** The right child of {@code node}, or -1 for a leaf. */
    public int right(int node) {
        return right[node];
    }

    /** The number of training rows that reached {@code node}. */
    public int samples(int node) {
        return samples[node];
    }

    /** Value {@code k} of {@code node}: a class probability, or the regression value for {@code k = 0}. */
    public double value(int node, int k) {
        return values[node * width + k];
    }

    /** The largest feature index used by a split, or -1 when the tree is a single leaf. */
    public int maxFeature() {
        int max = -1;
        for (int f : feature) {
            max = Math.max(max, f);
        }
        return max;
    }

    /** The depth of the deepest leaf; 0 for a single leaf. */
    public int depth() {
        int[] depths = new int[feature.length];
        int max = 0;
        for (int i = 0; i < feature.length; i++) {
            max = Math.max(max, depths[i]);
            if (feature[i] >= 0) {
                depths[left[i]] = depths[i] + 1;
                depths[right[i]] = depths[i] + 1;
            }
        }
        return max;
    }

    private static String text(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.isTextual(), "tree: %s: expected a string", field);
        return node.textValue();
    }
}
