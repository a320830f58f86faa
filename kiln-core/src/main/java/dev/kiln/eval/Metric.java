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
    R2("r2", true, false),
    /** Mean recall over the classes present in the truth. */
    BALANCED_ACCURACY("balanced_accuracy", true, true),
    /** Precision over all rows pooled (equals accuracy for single-label classification). */
    PRECISION_MICRO("precision_micro", true, true),
    /** Unweighted mean of per-class precision over the classes in the truth or the predictions. */
    PRECISION_MACRO("precision_macro", true, true),
    /** Mean of per-class precision weighted by each class's true row count. */
    PRECISION_WEIGHTED("precision_weighted", true, true),
    /** Recall over all rows pooled. */
    RECALL_MICRO("recall_micro", true, true),
    /** Unweighted mean of per-class recall. */
    RECALL_MACRO("recall_macro", true, true),
    /** Mean of per-class recall weighted by true row count. */
    RECALL_WEIGHTED("recall_weighted", true, true),
    /** F1 over all rows pooled. */
    F1_MICRO("f1_micro", true, true),
    /** Unweighted mean of per-class F1. */
    F1_MACRO("f1_macro", true, true),
    /** Mean of per-class F1 weighted by true row count. */
    F1_WEIGHTED("f1_weighted", true, true),
    /** One-vs-rest ROC-AUC averaged with each class weighted by its true row count; the binary AUC for binary tasks. */
    ROC_AUC_WEIGHTED("roc_auc_weighted", true, true),
    /** Average precision (area under the precision-recall step curve); one-vs-rest macro mean for multiclass. */
    PR_AUC("pr_auc", true, true),
    /** Mean squared error of the positive-class probability (binary); for multiclass the squared error summed over classes. */
    BRIER("brier", false, true),
    /** Matthews correlation coefficient (its multiclass form, Gorodkin 2004); 0 when undefined. */
    MCC("mcc", true, true),
    /** Cohen's kappa: agreement of predicted and true classes beyond chance. */
    COHEN_KAPPA("cohen_kappa", true, true),
    /** Mean of |truth - prediction| / max(|truth|, machine epsilon), as a fraction (not percent). */
    MAPE("mape", false, false),
    /** Median of |truth - prediction|. */
    MEDIAN_AE("median_ae", false, false),
    /** 1 - Var(truth - prediction) / Var(truth). */
    EXPLAINED_VARIANCE("explained_variance", true, false);

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
