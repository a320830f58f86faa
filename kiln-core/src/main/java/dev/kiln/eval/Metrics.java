package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes {@link Metric}s from {@link Predictions} and the true targets.
 *
 * <p>Conventions follow scikit-learn: for {@link Task#BINARY} precision, recall and F1 are those of the
 * positive class (class index 1); for {@link Task#MULTICLASS} they are unweighted (macro) means over the
 * classes that occur in the truth or the predictions. A class with no predicted rows has precision 0, and
 * one with no true rows has recall 0. The {@code _micro}, {@code _macro} and {@code _weighted} variants average as
 * scikit-learn's {@code average=} does, for binary tasks too. ROC-AUC is undefined (NaN) when the truth holds a
 * single class.
 *
 * <p>Stateless and thread-safe; never mutates its arguments. Cost is O(n) per metric, O(n log n) for ROC-AUC.
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The value of classification metric {@code metric}.
     *
     * @param trueClass the true class index of every row, in [0, number of classes)
     * @throws IllegalArgumentException when the metric or predictions are not for classification, or the
     *     lengths or class indexes do not match the predictions
     */
    public static double compute(Metric metric, Predictions predictions, int[] trueClass) {
        Task task = predictions.task();
        checkApplies(metric, task);
        checkClasses(predictions, trueClass);
        return switch (metric) {
            case ACCURACY -> ClassificationMetrics.accuracy(predictions, trueClass);
            case PRECISION, RECALL, F1 -> ConfusionMatrix.of(predictions, trueClass).score(metric, task == Task.BINARY);
            case ROC_AUC -> RocAuc.of(predictions, trueClass);
            case LOG_LOSS -> ClassificationMetrics.logLoss(predictions, trueClass);
            case BALANCED_ACCURACY -> ConfusionMatrix.of(predictions, trueClass).balancedAccuracy();
            case PRECISION_MICRO, RECALL_MICRO, F1_MICRO -> averaged(metric, ConfusionMatrix.Average.MICRO, predictions, trueClass);
            case PRECISION_MACRO, RECALL_MACRO, F1_MACRO -> averaged(metric, ConfusionMatrix.Average.MACRO, predictions, trueClass);
            case PRECISION_WEIGHTED, RECALL_WEIGHTED, F1_WEIGHTED ->
                    averaged(metric, ConfusionMatrix.Average.WEIGHTED, predictions, trueClass);
            case ROC_AUC_WEIGHTED -> RocAuc.ofClasses(predictions, trueClass, true, false);
            case PR_AUC -> RocAuc.ofClasses(predictions, trueClass, false, true);
            case BRIER -> ClassificationMetrics.brier(predictions, trueClass);
            case MCC -> ConfusionMatrix.of(predictions, trueClass).matthews();
            case COHEN_KAPPA -> ConfusionMatrix.of(predictions, trueClass).kappa();
            default -> throw new IllegalStateException("unhandled classification metric " + metric);
        };
    }

    /**
     * The value of regression metric {@code metric}.
     *
     * @param truth the true value of every row; must be finite
     * @throws IllegalArgumentException when the metric or predictions are not for regression, or the lengths differ
     */
    public static double compute(Metric metric, Predictions predictions, double[] truth) {
        checkApplies(metric, predictions.task());
        checkLength(predictions, truth.length);
        return switch (metric) {
            case RMSE -> RegressionMetrics.rmse(predictions, truth);
            case MAE -> RegressionMetrics.mae(predictions, truth);
            case R2 -> RegressionMetrics.r2(predictions, truth);
            case MAPE -> RegressionMetrics.mape(predictions, truth);
            case MEDIAN_AE -> RegressionMetrics.medianAbsoluteError(predictions, truth);
            case EXPLAINED_VARIANCE -> RegressionMetrics.explainedVariance(predictions, truth);
            default -> throw new IllegalStateException("unhandled regression metric " + metric);
        };
    }

    /**
     * Every classification metric, keyed by label in {@link Metric} declaration order.
     *
     * @param task the task the predictions were made for; must equal {@link Predictions#task()}
     */
    public static Map<String, Double> all(Task task, Predictions predictions, int[] trueClass) {
        Checks.checkArgument(task != null && task.isClassification(), "class truth needs a classification task, got %s",
                task);
        checkTask(task, predictions);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metric.appliesTo(task)) {
                out.put(metric.label(), compute(metric, predictions, trueClass));
            }
        }
        return out;
    }

    /**
     * Every regression metric, keyed by label in {@link Metric} declaration order.
     *
     * @param task must be {@link Task#REGRESSION} and equal {@link Predictions#task()}
     */
    public static Map<String, Double> all(Task task, Predictions predictions, double[] truth) {
        Checks.checkArgument(task == Task.REGRESSION, "numeric truth needs the regression task, got %s", task);
        checkTask(task, predictions);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metric.appliesTo(task)) {
                out.put(metric.label(), compute(metric, predictions, truth));
            }
        }
        return out;
    }

    /** The family (precision, recall or F1) of an averaged metric such as {@code f1_weighted}. */
    private static double averaged(Metric metric, ConfusionMatrix.Average average, Predictions predictions, int[] trueClass) {
        Metric family = metric.label().startsWith("precision") ? Metric.PRECISION
                : metric.label().startsWith("recall") ? Metric.RECALL : Metric.F1;
        return ConfusionMatrix.of(predictions, trueClass).score(family, average);
    }

    private static void checkTask(Task task, Predictions predictions) {
        Checks.checkArgument(task == predictions.task(), "task is %s but the predictions are for %s",
                task == null ? null : task.label(), predictions.task().label());
    }

    private static void checkApplies(Metric metric, Task task) {
        Checks.checkArgument(metric.appliesTo(task), "metric %s does not apply to %s predictions",
                metric.label(), task.label());
    }

    private static void checkLength(Predictions predictions, int truthLength) {
        Checks.checkArgument(truthLength == predictions.size(), "truth has %s rows but predictions have %s",
                truthLength, predictions.size());
    }

    private static void checkClasses(Predictions predictions, int[] trueClass) {
        checkLength(predictions, trueClass.length);
        int classCount = predictions.classes().size();
        Checks.checkArgument(predictions.task() != Task.BINARY || classCount == 2,
                "binary predictions need 2 classes, got %s", classCount);
        for (int i = 0; i < trueClass.length; i++) {
            int c = trueClass[i];
            Checks.checkArgument(c >= 0 && c < classCount, "trueClass[%s] = %s is outside [0, %s)", i, c, classCount);
        }
    }
}
