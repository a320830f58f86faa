package dev.kiln.learn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Explainable;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.RowByRow;
import dev.kiln.learn.Task;
import java.util.List;

/**
 * A fitted CART decision tree: the leaf a row reaches gives its class probabilities (training class
 * frequencies in that leaf) or its value (the training mean there). A missing (NaN) feature value
 * goes right. Immutable and thread-safe; {@link #predictRow} allocates nothing.
 */
public final class CartModel implements Model, Explainable {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "tree";

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final CartParams params;
    private final CompactTree tree;

    /** A model from a tree whose width is the class count (classification) or 1 (regression). */
    public CartModel(Task task, List<String> features, List<String> classes, CartParams params, CompactTree tree) {
        int width = task.isClassification() ? classes.size() : 1;
        boolean fits = switch (task) {
            case BINARY -> classes.size() == 2;
            case MULTICLASS -> classes.size() >= 2;
            case REGRESSION -> classes.isEmpty();
            case CLUSTERING, ANOMALY -> false;
        };
        Checks.checkArgument(fits,
                "classes: %s do not fit task %s", classes, task.label());
        Checks.checkArgument(tree.width() == width, "tree: width %s, expected %s", tree.width(), width);
        Checks.checkArgument(tree.maxFeature() < features.size(), "tree: splits on feature %s of %s",
                tree.maxFeature(), features.size());
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.tree = tree;
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static CartModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        JsonNode treeNode = json.get("tree");
        Checks.checkArgument(treeNode instanceof ObjectNode, "tree: expected an object");
        return new CartModel(state.task(), state.features(), state.classes(), CartParams.fromMap(state.params()),
                CompactTree.fromJson((ObjectNode) treeNode, arrays));
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.set("tree", tree.toJson(arrays));
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        return RowByRow.predict(this, frame);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        if (x.length != features.size() || out.length < tree.width()) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for "
                    + tree.width() + " values");
        }
        tree.predict(x, out);
    }

    /**
     * Exact TreeSHAP values (Lundberg et al. 2018, path-dependent): the baseline is the training-weighted mean of the
     * leaves' values, and baseline plus contributions equals the leaf's values for {@code x}.
     */
    @Override
    public void contributions(double[] x, double[] baseline, double[] contributions) {
        new TreeExplainer().explain(tree, x, baseline, contributions);
    }

    /** The fitted tree. */
    public CompactTree tree() {
        return tree;
    }

    public CartParams params() {
        return params;
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
