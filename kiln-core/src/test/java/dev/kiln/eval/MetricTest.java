package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.learn.Task;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void labelsAreTheSpecNamesInDeclarationOrder() {
        assertThat(Metric.labels()).containsExactly(
                "accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "rmse", "mae", "r2",
                "balanced_accuracy", "precision_micro", "precision_macro", "precision_weighted", "recall_micro",
                "recall_macro", "recall_weighted", "f1_micro", "f1_macro", "f1_weighted", "roc_auc_weighted", "pr_auc",
                "brier", "mcc", "cohen_kappa", "mape", "median_ae", "explained_variance");
    }

    @Test
    void fromLabelRoundTripsAndReturnsNullForUnknownNames() {
        for (Metric metric : Metric.values()) {
            assertThat(Metric.fromLabel(metric.label())).isSameAs(metric);
        }
        assertThat(Metric.fromLabel("auc")).isNull();
        assertThat(Metric.fromLabel("ROC_AUC")).isNull();
        assertThat(Metric.fromLabel(null)).isNull();
    }

    @Test
    void lossesAndErrorsAreLowerIsBetter() {
        assertThat(Metric.LOG_LOSS.higherIsBetter()).isFalse();
        assertThat(Metric.RMSE.higherIsBetter()).isFalse();
        assertThat(Metric.MAE.higherIsBetter()).isFalse();
        assertThat(Metric.ROC_AUC.higherIsBetter()).isTrue();
        assertThat(Metric.R2.higherIsBetter()).isTrue();
    }

    @Test
    void classificationMetricsApplyToBinaryAndMulticlassOnly() {
        assertThat(Metric.F1.appliesTo(Task.BINARY)).isTrue();
        assertThat(Metric.F1.appliesTo(Task.MULTICLASS)).isTrue();
        assertThat(Metric.F1.appliesTo(Task.REGRESSION)).isFalse();
        assertThat(Metric.R2.appliesTo(Task.REGRESSION)).isTrue();
        assertThat(Metric.R2.appliesTo(Task.BINARY)).isFalse();
    }
}
