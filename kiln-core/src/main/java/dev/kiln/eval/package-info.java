/**
 * Model evaluation: the {@link dev.kiln.eval.Metric} names used in specs, their computation in
 * {@link dev.kiln.eval.Metrics}, and seeded train/validation/test splits from {@link dev.kiln.eval.Splitter}.
 * Diagnosis: {@link dev.kiln.eval.RankingCurves} (ROC, precision–recall), {@link dev.kiln.eval.CalibrationCurve},
 * {@link dev.kiln.eval.LearningCurve} with its {@link dev.kiln.eval.FitVerdict}, {@link dev.kiln.eval.DecisionThreshold};
 * fairness per group ({@link dev.kiln.eval.Fairness}); interpretability ({@link dev.kiln.eval.PermutationImportance},
 * {@link dev.kiln.eval.PartialDependence}, {@link dev.kiln.eval.ShapImportance}); and {@link dev.kiln.eval.Evaluator},
 * which gathers them into the {@link dev.kiln.eval.EvaluationReport} the HTML report shows.
 * Everything here is stateless and deterministic under its seed; nothing mutates its input.
 */
package dev.kiln.eval;
