package dev.kiln.learn.glm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.RowByRow;
import dev.kiln.learn.Task;
import java.util.List;

/**
 * A fitted logistic regression: class probabilities from linear scores on the original feature
 * scale, {@code σ(b + w·x)} for the second of two classes, or the softmax of {@code b_k + w_k·x} over
 * more. Immutable and thread-safe; {@link #predictRow} allocates nothing.
 */
public final class LogisticModel implements Model {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "logistic";

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final LogisticParams params;
    private final double[] coefficients;
    private final double[] intercepts;

    /**
     * A model from coefficients (copied): row-major, one row of {@code features.size()} per block, one
     * block for two classes and one per class otherwise, with one intercept per block.
     */
    public LogisticModel(Task task, List<String> features, List<String> classes, LogisticParams params,
                         double[] coefficients, double[] intercepts) {
        Checks.checkArgument(task.isClassification(), "task: logistic needs classification, got %s", task.label());
        Checks.checkArgument(task == Task.BINARY ? classes.size() == 2 : classes.size() >= 2,
                "classes: %s do not fit task %s", classes, task.label());
        int blocks = classes.size() == 2 ? 1 : classes.size();
        Checks.checkArgument(intercepts.length == blocks, "intercepts: expected %s values, got %s", blocks, intercepts.length);
        Checks.checkArgument(coefficients.length == blocks * features.size(),
                "coefficients: expected %s values, got %s", blocks * features.size(), coefficients.length);
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.coefficients = coefficients.clone();
        this.intercepts = intercepts.clone();
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static LogisticModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        return new LogisticModel(state.task(), state.features(), state.classes(), LogisticParams.fromMap(state.params()),
                state.doubles("coefficients"), state.doubles("intercepts"));
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("coefficients", arrays.putDoubles(coefficients));
        json.put("intercepts", arrays.putDoubles(intercepts));
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        return RowByRow.predict(this, frame);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int p = features.size();
        if (x.length != p || out.length < classes.size()) {
            throw new IllegalArgumentException("predictRow: expected " + p + " features and room for "
                    + classes.size() + " probabilities");
        }
        if (intercepts.length == 1) {
            double score = intercepts[0] + score(x, 0);
            out[0] = LogisticObjective.sigmoid(-score);
            out[1] = LogisticObjective.sigmoid(score);
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < intercepts.length; k++) {
            out[k] = intercepts[k] + score(x, k * p);
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < intercepts.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < intercepts.length; k++) {
            out[k] /= sum;
        }
    }

    private double score(double[] x, int offset) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            sum += coefficients[offset + j] * x[j];
        }
        return sum;
    }

    /** A copy of the coefficients: row-major, one row per block (one block for two classes, else one per class). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** A copy of the intercepts, one per block. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    public LogisticParams params() {
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
