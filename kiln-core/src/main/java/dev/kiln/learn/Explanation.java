package dev.kiln.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why one row got its prediction: the model's baseline and, per raw input column, how much it moved
 * each output (class probabilities, or the value for regression). Contributions of the model features
 * derived from one column (its one-hot indicators, say) are summed under that column. Immutable.
 */
public record Explanation(double[] baseline, Map<String, double[]> contributions) {
    public Explanation {
        baseline = baseline.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        contributions.forEach((k, v) -> copy.put(k, v.clone()));
        contributions = Collections.unmodifiableMap(copy);
    }

    @Override
    public double[] baseline() {
        return baseline.clone();
    }

    /** The contributions of column {@code column} to each output; zeros when it played no part. */
    public double[] contribution(String column) {
        double[] c = contributions.get(column);
        return c == null ? new double[baseline.length] : c.clone();
    }
}
