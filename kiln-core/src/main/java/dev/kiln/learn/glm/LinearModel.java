package dev.kiln.learn.glm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.List;

/**
 * A fitted linear regression: predicts {@code b + w·x} on the original feature scale, and remembers the
 * elastic-net penalty {@code alpha} it was fitted at (given or chosen by cross-validation; 0 for least
 * squares and ridge). Immutable and thread-safe; {@link #predictRow} allocates nothing.
 */
public final class LinearModel implements Model {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "linear";

    private final List<String> features;
    private final LinearParams params;
    private final double[] coefficients;
    private final double intercept;
    private final double alpha;

    /** A model from one coefficient per feature (copied), an intercept and the penalty they were fitted at. */
    public LinearModel(List<String> features, LinearParams params, double[] coefficients, double intercept, double alpha) {
        Checks.checkArgument(coefficients.length == features.size(), "coefficients: expected %s values, got %s",
                features.size(), coefficients.length);
        this.features = List.copyOf(features);
        this.params = params;
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
        this.alpha = alpha;
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static LinearModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        Checks.checkArgument(state.task() == Task.REGRESSION, "task: linear needs regression, got %s", state.task().label());
        double[] intercept = state.doubles("intercept");
        Checks.checkArgument(intercept.length == 1, "intercept: expected 1 value, got %s", intercept.length);
        LinearParams params = LinearParams.fromMap(state.params());
        double alpha = json.has("alpha") ? json.get("alpha").asDouble() : params.alpha();
        return new LinearModel(state.features(), params, state.doubles("coefficients"), intercept[0], alpha);
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("coefficients", arrays.putDoubles(coefficients));
        json.put("intercept", arrays.putDoubles(new double[] {intercept}));
        if (params.elasticNet()) {
            json.put("alpha", alpha);
            json.put("nonzero_coefficients", nonzeroCoefficients());
        }
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        FeatureMatrix matrix = FeatureMatrix.of(frame, features);
        double[] values = new double[matrix.rows()];
        for (int i = 0; i < values.length; i++) {
            values[i] = intercept;
        }
        for (int j = 0; j < coefficients.length; j++) {
            double w = coefficients[j];
            double[] column = matrix.column(j);
            for (int i = 0; i < values.length; i++) {
                values[i] += w * column[i];
            }
        }
        return Predictions.ofValues(values);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        if (x.length != coefficients.length || out.length < 1) {
            throw new IllegalArgumentException("predictRow: expected " + coefficients.length + " features and room for 1 value");
        }
        double sum = intercept;
        for (int j = 0; j < x.length; j++) {
            sum += coefficients[j] * x[j];
        }
        out[0] = sum;
    }

    /** A copy of the coefficients, one per feature, on the original scale. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return intercept;
    }

    /** The elastic-net penalty the coefficients were fitted at: given, chosen by cross-validation, or 0. */
    public double alpha() {
        return alpha;
    }

    /** How many coefficients are not 0 (the lasso's selected features). */
    public int nonzeroCoefficients() {
        int count = 0;
        for (double w : coefficients) {
            count += w != 0 ? 1 : 0;
        }
        return count;
    }

    public LinearParams params() {
        return params;
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
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
