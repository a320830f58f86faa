package dev.kiln.learn;

/**
 * A model that can split one prediction into a baseline plus a contribution per feature, so that
 * {@code baseline + sum of contributions} equals the model's output for that row in its raw output space
 * ({@link #outputSpace()}): class probabilities for trees and forests, the value for regression, the margin
 * (log-odds, or softmax scores) for boosted classifiers.
 */
public interface Explainable {
    /** Contributions are class probabilities. */
    String PROBABILITY = "probability";
    /** Contributions are in the target's units. */
    String VALUE = "value";
    /** Contributions are log-odds of the second class (one output). */
    String LOG_ODDS = "log_odds";
    /** Contributions are softmax scores, one output per class. */
    String SOFTMAX_SCORE = "softmax_score";

    /**
     * Writes the baseline into {@code baseline} (one value per output) and the contribution of feature
     * {@code j} to output {@code k} into {@code contributions[j * outputs + k]}, for the row {@code x}
     * in {@link Model#features()} order. {@link IllegalArgumentException} when the model cannot be explained
     * (a tree ensemble from a bundle that predates node covers).
     */
    void contributions(double[] x, double[] baseline, double[] contributions);

    /** The number of outputs explained: the class count for probabilities, 1 for a value or a binary margin. */
    default int explainedOutputs() {
        return Math.max(1, ((Model) this).classes().size());
    }

    /** What the explained outputs are: {@link #PROBABILITY}, {@link #VALUE}, {@link #LOG_ODDS} or {@link #SOFTMAX_SCORE}. */
    default String outputSpace() {
        return ((Model) this).task().isClassification() ? PROBABILITY : VALUE;
    }
}
