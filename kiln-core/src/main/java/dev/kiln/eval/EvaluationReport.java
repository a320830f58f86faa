package dev.kiln.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything the evaluation report shows about one model on labelled rows: every metric, the leaderboard of the run
 * it won, ROC / precision–recall / calibration curves and the confusion matrix (classification) or residuals
 * (regression), permutation and TreeSHAP importance, partial dependence, the learning curve with its verdict, the
 * decision threshold and fairness per sensitive column. Parts that do not apply are null or empty. Immutable.
 *
 * @param confusion rows of true classes, columns of predicted classes; null for regression
 * @param shapSpace the output space of the SHAP values ({@code probability}, {@code log_odds}, ...), or null
 */
public record EvaluationReport(String title, String task, String target, String metric, int rows, List<String> classes,
                               Map<String, Double> metrics, List<LeaderboardEntry> leaderboard, long[][] confusion,
                               List<NamedCurve> roc, List<NamedCurve> precisionRecall, CalibrationCurve calibration,
                               Residuals residuals, List<FeatureImportance> permutationImportance,
                               List<FeatureImportance> shapImportance, String shapSpace,
                               List<PartialDependence> partialDependence, LearningCurve learningCurve,
                               DecisionThreshold.Choice threshold, List<FairnessReport> fairness, List<String> notes) {
    public EvaluationReport {
        classes = List.copyOf(classes);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        leaderboard = List.copyOf(leaderboard);
        roc = List.copyOf(roc);
        precisionRecall = List.copyOf(precisionRecall);
        permutationImportance = List.copyOf(permutationImportance);
        shapImportance = List.copyOf(shapImportance);
        partialDependence = List.copyOf(partialDependence);
        fairness = List.copyOf(fairness);
        notes = List.copyOf(notes);
    }
}
