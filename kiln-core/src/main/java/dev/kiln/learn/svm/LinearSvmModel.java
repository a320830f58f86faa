package dev.kiln.learn.svm;

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
 * A fitted linear SVM: per machine (one for regression or two classes, one per class otherwise) weights
 * on the original feature scale and an intercept, whose decision {@code b + w·x} is the prediction for
 * regression; for classification each machine's Platt sigmoid gives {@code P(class)} (for two classes,
 * of the second class), normalised over the classes for several. Immutable and thread-safe;
 * {@link #predictRow} allocates nothing.
 */
public final class LinearSvmModel implements Model {
    /** The type name in bundles. */
    public static final String TYPE = "linear_svm";

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final LinearSvmParams params;
    private final double[] coefficients;
    private final double[] intercepts;
    private final double[] plattA;
    private final double[] plattB;

    LinearSvmModel(Task task, List<String> features, List<String> classes, LinearSvmParams params, double[] coefficients,
                   double[] intercepts, double[] plattA, double[] plattB) {
        int k = classes.size();
        int machines = task.isClassification() ? (k == 2 ? 1 : k) : 1;
        Checks.checkArgument(task.isClassification() ? k >= 2 : k == 0, "classes: %s do not fit task %s", classes, task.label());
        Checks.checkArgument(intercepts.length == machines && plattA.length == machines && plattB.length == machines,
                "intercepts: expected %s machines, got %s", machines, intercepts.length);
        Checks.checkArgument(coefficients.length == machines * features.size(), "coefficients: expected %s values, got %s",
                machines * features.size(), coefficients.length);
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.coefficients = coefficients.clone();
        this.intercepts = intercepts.clone();
        this.plattA = plattA.clone();
        this.plattB = plattB.clone();
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static LinearSvmModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        return new LinearSvmModel(state.task(), state.features(), state.classes(), LinearSvmParams.fromMap(state.params()),
                state.doubles("coefficients"), state.doubles("intercepts"), state.doubles("platt_a"), state.doubles("platt_b"));
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("coefficients", arrays.putDoubles(coefficients));
        json.put("intercepts", arrays.putDoubles(intercepts));
        json.put("platt_a", arrays.putDoubles(plattA));
        json.put("platt_b", arrays.putDoubles(plattB));
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        return RowByRow.predict(this, frame);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int p = features.size();
        int k = classes.size();
        if (x.length != p || out.length < Math.max(1, k)) {
            throw new IllegalArgumentException("predictRow: expected " + p + " features and room for " + Math.max(1, k) + " outputs");
        }
        if (!task.isClassification()) {
            out[0] = decision(x, 0);
            return;
        }
        if (k == 2) {
            out[1] = PlattScaling.probability(decision(x, 0), plattA[0], plattB[0]);
            out[0] = 1 - out[1];
            return;
        }
        double sum = 0;
        for (int m = 0; m < k; m++) {
            out[m] = PlattScaling.probability(decision(x, m), plattA[m], plattB[m]);
            sum += out[m];
        }
        for (int m = 0; m < k; m++) {
            out[m] = sum > 0 ? out[m] / sum : 1.0 / k;
        }
    }

    /** The decision value {@code b + w·x} of machine {@code machine} for raw features {@code x}. */
    public double decision(double[] x, int machine) {
        int p = features.size();
        return intercepts[machine] + Kernel.dot(coefficients, machine * p, x, 0, p);
    }

    /** A copy of the weights, row-major, one row of features per machine. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** A copy of the intercepts, one per machine. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    public LinearSvmParams params() {
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
