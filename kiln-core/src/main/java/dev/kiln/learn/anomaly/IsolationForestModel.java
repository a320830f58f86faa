package dev.kiln.learn.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.UnsupervisedData;
import dev.kiln.prep.IsolationForest;
import java.util.List;

/**
 * A fitted isolation forest: the anomaly score in [0, 1] of every row (near 1: isolated quickly, an
 * anomaly) and the threshold above which a row is flagged. {@link #predictRow} writes the score into
 * {@code out[0]} and allocates nothing. Immutable and thread-safe.
 */
public final class IsolationForestModel implements Model {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "isolation_forest";

    private final List<String> features;
    private final IsolationForestParams params;
    private final IsolationForest forest;
    private final double threshold;

    IsolationForestModel(List<String> features, IsolationForestParams params, IsolationForest forest, double threshold) {
        Checks.checkArgument(forest.features() == features.size(), "features: %s names for a forest over %s",
                features.size(), forest.features());
        Checks.checkArgument(threshold >= 0 && threshold <= 1, "threshold: expected a number in [0, 1], got %s", threshold);
        this.features = List.copyOf(features);
        this.params = params;
        this.forest = forest;
        this.threshold = threshold;
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static IsolationForestModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        Checks.checkArgument(state.task() == Task.ANOMALY, "task: expected anomaly, got %s", state.task().label());
        JsonNode threshold = json.get("threshold");
        Checks.checkArgument(threshold != null && threshold.isNumber(), "threshold: expected a number");
        return new IsolationForestModel(state.features(), IsolationForestParams.fromMap(state.params()),
                IsolationForest.readFrom(json, arrays), threshold.doubleValue());
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("threshold", threshold);
        forest.writeTo(json, arrays);
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        double[] rows = UnsupervisedData.rowMajor(frame, features);
        return Predictions.ofAnomalyScores(forest.scores(rows, frame.rowCount()), threshold);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        if (x.length != features.size() || out.length < 1) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for 1 score");
        }
        out[0] = forest.score(x);
    }

    /** The score above which a row is an anomaly. */
    public double threshold() {
        return threshold;
    }

    public IsolationForestParams params() {
        return params;
    }

    @Override
    public Task task() {
        return Task.ANOMALY;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public List<String> classes() {
        return List.of();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
