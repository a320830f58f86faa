package dev.kiln.learn.bayes;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A fitted naive Bayes classifier: {@code P(c | x) ∝ P(c) P(x | c)}, computed as log prior plus log
 * likelihood and normalised by log-sum-exp, so extreme likelihoods neither overflow nor vanish.
 * Immutable and thread-safe; {@link #predictRow} allocates nothing.
 */
public final class NaiveBayesModel implements Model {
    /** The type name in bundles. */
    public static final String TYPE = "naive_bayes";

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final NaiveBayesParams params;
    private final double[] logPriors;
    private final Likelihood likelihood;

    NaiveBayesModel(Task task, List<String> features, List<String> classes, NaiveBayesParams params, double[] logPriors,
                    Likelihood likelihood) {
        Checks.checkArgument(task.isClassification(), "task: naive_bayes needs classification, got %s", task.label());
        Checks.checkArgument(task == Task.BINARY ? classes.size() == 2 : classes.size() >= 2,
                "classes: %s do not fit task %s", classes, task.label());
        Checks.checkArgument(logPriors.length == classes.size(), "log_priors: expected %s values, got %s", classes.size(),
                logPriors.length);
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.logPriors = logPriors.clone();
        this.likelihood = likelihood;
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static NaiveBayesModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        int k = state.classes().size();
        JsonNode kind = json.get("kind");
        Checks.checkArgument(kind != null && kind.isTextual(), "kind: expected a string");
        Likelihood likelihood = switch (kind.textValue()) {
            case GaussianLikelihood.KIND -> GaussianLikelihood.read(state, k);
            case MultinomialLikelihood.KIND -> MultinomialLikelihood.read(state, k);
            case CategoricalLikelihood.KIND -> CategoricalLikelihood.read(state, k);
            default -> throw new IllegalArgumentException(String.format(
                    "kind: expected gaussian, multinomial or categorical, got '%s'", kind.textValue()));
        };
        return new NaiveBayesModel(state.task(), state.features(), state.classes(), NaiveBayesParams.fromMap(state.params()),
                state.doubles("log_priors"), likelihood);
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("kind", likelihood.kind());
        json.put("log_priors", arrays.putDoubles(logPriors));
        likelihood.write(json, arrays);
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        return RowByRow.predict(this, frame);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int k = classes.size();
        if (x.length != features.size() || out.length < k) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for " + k
                    + " probabilities");
        }
        System.arraycopy(logPriors, 0, out, 0, k);
        likelihood.addLogLikelihoods(x, out);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, out[c]);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            for (int c = 0; c < k; c++) {
                out[c] = 1.0 / k;
            }
            return;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < k; c++) {
            out[c] /= sum;
        }
    }

    /** The kind of likelihood fitted: gaussian, multinomial or categorical. */
    public String kind() {
        return likelihood.kind();
    }

    /** A copy of the log class priors. */
    public double[] logPriors() {
        return logPriors.clone();
    }

    public NaiveBayesParams params() {
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
