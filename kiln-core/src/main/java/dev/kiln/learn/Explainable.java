package dev.kiln.learn;

/**
 * A model that can split one prediction into a baseline plus a contribution per feature, so that
 * {@code baseline + sum of contributions} equals the model's output for that row (class probabilities
 * for a classifier, the value for regression).
 */
public interface Explainable {

    /**
     * Writes the baseline into {@code baseline} (one value per output) and the contribution of feature
     * {@code j} to output {@code k} into {@code contributions[j * outputs + k]}, for the row {@code x}
     * in {@link Model#features()} order.
     */
    void contributions(double[] x, double[] baseline, double[] contributions);
}
