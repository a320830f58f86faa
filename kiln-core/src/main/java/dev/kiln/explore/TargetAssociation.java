package dev.kiln.explore;

/**
 * How strongly one feature goes with the target, and how well it predicts it alone. Immutable; serialises to JSON.
 *
 * @param feature the feature column
 * @param measure the association measure: {@code pearson} (numeric × numeric target), {@code correlation_ratio}
 *     (numeric × categorical, either way round) or {@code cramers_v} (categorical × categorical)
 * @param association the measure's value; null when undefined
 * @param holdoutMetric how the single-feature predictor was scored: {@code roc_auc} (binary target), {@code accuracy}
 *     (multiclass) or {@code r2} (numeric target)
 * @param holdoutScore its score on every fourth row when fitted on the others: per-group target rates or means of the
 *     feature cut into {@link FeatureBins}
 * @param pureCoverage the share of holdout rows in groups where one class held at least 99% of the fitted rows
 *     (classification only, else 0)
 * @param pureAccuracy the holdout accuracy in those groups
 */
public record TargetAssociation(String feature, String measure, Double association, String holdoutMetric,
                                Double holdoutScore, double pureCoverage, double pureAccuracy) {
}
