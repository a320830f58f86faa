package dev.kiln.eval;

/**
 * How much one input column matters: the mean and standard deviation over repeats of an importance measure (the
 * drop in the metric when the column is shuffled, or the mean |SHAP value|), in the metric's or output's units.
 */
public record FeatureImportance(String feature, double mean, double std) {
}
