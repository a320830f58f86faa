package dev.kiln.eval;

import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * An evaluation metric, named in specs and reports by its {@link #label()}. Classification metrics apply to
 * binary and multiclass tasks, regression metrics to regression; {@link Metrics} computes them.
 */
public enum Metric {
    /** Fraction of rows whose predicted class is the true class. */
    ACCURACY("accuracy", true, true),
    /** Positive-class precision for binary tasks, macro average over classes for multiclass. */
    PRECISION("precision", true, true),
    /** Positive-class recall for binary tasks, macro average over classes for multiclass. */
    RECALL("recall", true, true),
    /** Positive-class F1 for binary tasks, macro average of per-class F1 for multiclass. */
    F1("f1", true, true),
    /** Area under the ROC curve; one-vs-rest macro average for multiclass. */
    ROC_AUC("roc_auc", true, true),
    /** Mean negative log-likelihood of the true class, probabilities clipped to [1e-15, 1 - 1e-15]. */
    LOG_LOSS("log_loss", false, true),
    /** Root mean squared error. */
    RMSE("rmse", false, false),
    /** Mean absolute error. */
    MAE("mae", false, false),
    /** Coefficient of determination, 1 - SSres / SStot. */
    R2("r2", true, false);

    private final String label;
    private final boolean higherIsBetter;
    private final boolean classification;

    Metric(String label, boolean higherIsBetter, boolean classification) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.classification = classification;
    }

    /** The name used in specs and reports, such as {@code roc_auc}. */
    public String label() {
        return label;
    }

    /** Whether a larger value means a better model (false for losses and errors). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether this metric can be computed for predictions of {@code task}. */
    public boolean appliesTo(Task task) {
        return task.isClassification() == classification;
    }

    /** The metric named {@code label}, or null when it names none. */
    public static Metric fromLabel(String label) {
        for (Metric metric : values()) {
            if (metric.label.equals(label)) {
                return metric;
            }
        }
        return null;
    }

    /** The labels of all metrics, in declaration order. */
    public static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (Metric metric : values()) {
            labels.add(metric.label);
        }
        return List.copyOf(labels);
    }
}
