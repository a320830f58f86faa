package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every metric against reference values computed with scikit-learn 1.2.1 (Debian /usr/bin/python3) by
 * {@code src/test/resources/sklearn_metrics_reference.py}; each constant names the call that produced it.
 */
class MetricsReferenceTest {
    private static final double TOLERANCE = 1e-12;

    // y_true / probability of class 1; predicted class = (p > 0.5) = [1,0,1,0,0,1,1,0,1,1,0,1]
    private static final int[] BINARY_TRUTH = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1};
    private static final double[] BINARY_P = {0.9, 0.4, 0.65, 0.3, 0.2, 0.65, 0.8, 0.1, 0.55, 0.7, 0.45, 0.65};

    private static final int[] MULTI_TRUTH = {0, 1, 2, 2, 1, 0, 2, 1, 0, 2};
    private static final double[] MULTI_P = {0.7, 0.2, 0.1, 0.3, 0.4, 0.3, 0.1, 0.3, 0.6, 0.2, 0.5, 0.3, 0.1, 0.8, 0.1,
        0.5, 0.3, 0.2, 0.2, 0.2, 0.6, 0.6, 0.3, 0.1, 0.4, 0.4, 0.2, 0.3, 0.3, 0.4};

    private static final double[] REGRESSION_TRUTH = {3.0, -0.5, 2.0, 7.0, 4.2, 0.0, 10.0, 5.5};
    private static final double[] REGRESSION_PREDICTED = {2.5, 0.0, 2.0, 8.0, 3.9, 0.3, 9.1, 6.5};

    private static Predictions binary() {
        double[] probabilities = new double[BINARY_P.length * 2];
        for (int i = 0; i < BINARY_P.length; i++) {
            probabilities[2 * i] = 1.0 - BINARY_P[i];
            probabilities[2 * i + 1] = BINARY_P[i];
        }
        return Predictions.ofProbabilities(Task.BINARY, List.of("no", "yes"), probabilities);
    }

    private static Predictions multiclass() {
        return Predictions.ofProbabilities(Task.MULTICLASS, List.of("a", "b", "c"), MULTI_P.clone());
    }

    private static void check(Map<String, Double> expected, Map<String, Double> actual) {
        expected.forEach((label, value) -> assertThat(actual.get(label)).as(label).isCloseTo(value, within(TOLERANCE)));
    }

    @Test
    void binaryMetricsMatchScikitLearn() {
        Map<String, Double> all = Metrics.all(Task.BINARY, binary(), BINARY_TRUTH);
        check(Map.ofEntries(
                Map.entry("accuracy", 0.75),                        // accuracy_score(y, pred)
                Map.entry("balanced_accuracy", 0.75),               // balanced_accuracy_score(y, pred)
                Map.entry("precision_micro", 0.75),                 // precision_score(y, pred, average='micro')
                Map.entry("precision_macro", 0.7571428571428571),   // precision_score(y, pred, average='macro')
                Map.entry("precision_weighted", 0.7571428571428571),// precision_score(y, pred, average='weighted')
                Map.entry("recall_macro", 0.75),                    // recall_score(y, pred, average='macro')
                Map.entry("f1_weighted", 0.7482517482517482),       // f1_score(y, pred, average='weighted')
                Map.entry("roc_auc", 0.75),                         // roc_auc_score(y, p)
                Map.entry("roc_auc_weighted", 0.75),                // binary: the same AUC
                Map.entry("pr_auc", 0.7746031746031745),            // average_precision_score(y, p)
                Map.entry("log_loss", 0.5569034437130634),          // log_loss(y, p)
                Map.entry("brier", 0.19270833333333334),            // brier_score_loss(y, p)
                Map.entry("mcc", 0.50709255283711),                 // matthews_corrcoef(y, pred)
                Map.entry("cohen_kappa", 0.5)), all);               // cohen_kappa_score(y, pred)
    }

    @Test
    void multiclassMetricsMatchScikitLearn() {
        Map<String, Double> all = Metrics.all(Task.MULTICLASS, multiclass(), MULTI_TRUTH);
        check(Map.ofEntries(
                Map.entry("accuracy", 0.8),                          // accuracy_score(y, p.argmax(1))
                Map.entry("balanced_accuracy", 0.8055555555555555),  // balanced_accuracy_score(y, pred)
                Map.entry("precision_micro", 0.8),                   // precision_score(y, pred, average='micro')
                Map.entry("precision_macro", 0.8055555555555555),    // precision_score(y, pred, average='macro')
                Map.entry("precision", 0.8055555555555555),          // multiclass precision is the macro mean
                Map.entry("precision_weighted", 0.825),              // precision_score(y, pred, average='weighted')
                Map.entry("recall_weighted", 0.8),                   // recall_score(y, pred, average='weighted')
                Map.entry("f1_macro", 0.7936507936507936),           // f1_score(y, pred, average='macro')
                Map.entry("f1_weighted", 0.8),                       // f1_score(y, pred, average='weighted')
                Map.entry("roc_auc", 0.8819444444444445),            // roc_auc_score(y, p, multi_class='ovr', average='macro')
                Map.entry("roc_auc_weighted", 0.8916666666666668),   // roc_auc_score(y, p, multi_class='ovr', average='weighted')
                Map.entry("pr_auc", 0.7935185185185185),             // average_precision_score(np.eye(3)[y], p, average='macro')
                Map.entry("log_loss", 0.7451434727619206),           // log_loss(y, p)
                Map.entry("brier", 0.43599999999999994),             // np.mean(np.sum((p - np.eye(3)[y])**2, axis=1))
                Map.entry("mcc", 0.7121212121212122),                // matthews_corrcoef(y, pred)
                Map.entry("cohen_kappa", 0.7014925373134329)), all); // cohen_kappa_score(y, pred)
    }

    @Test
    void confusionMatrixMatchesScikitLearn() {
        // confusion_matrix(y, pred) = [[3, 0, 0], [1, 2, 0], [0, 1, 3]]
        ConfusionMatrix matrix = ConfusionMatrix.of(multiclass(), MULTI_TRUTH);
        long[][] expected = {{3, 0, 0}, {1, 2, 0}, {0, 1, 3}};
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertThat(matrix.count(a, p)).as("(%s, %s)", a, p).isEqualTo(expected[a][p]);
            }
        }
        assertThat(matrix.total()).isEqualTo(10);
    }

    @Test
    void regressionMetricsMatchScikitLearn() {
        Map<String, Double> all = Metrics.all(Task.REGRESSION, Predictions.ofValues(REGRESSION_PREDICTED.clone()), REGRESSION_TRUTH);
        check(Map.of(
                "rmse", 0.6604922406811454,              // mean_squared_error(y, p, squared=False)
                "mae", 0.5625000000000001,               // mean_absolute_error(y, p)
                "r2", 0.96054713995026,                  // r2_score(y, p)
                "median_ae", 0.5,                        // median_absolute_error(y, p)
                "explained_variance", 0.9622569522948226), all); // explained_variance_score(y, p)
        // mean_absolute_percentage_error(y, p): the zero truth divides by machine epsilon
        assertThat(all.get("mape")).isCloseTo(168884986026393.78, within(1e-9 * 168884986026393.78));
    }

    @Test
    void rocCurveMatchesScikitLearn() {
        boolean[] positive = positives();
        // roc_curve(y, p, drop_intermediate=False)
        Curve roc = RankingCurves.roc(BINARY_P, positive);
        assertThat(roc.x()).containsExactly(new double[] {0.0, 0.0, 0.0, 1.0 / 6, 2.0 / 6, 2.0 / 6, 3.0 / 6, 4.0 / 6, 4.0 / 6, 5.0 / 6, 1.0},
                within(TOLERANCE));
        assertThat(roc.y()).containsExactly(new double[] {0.0, 1.0 / 6, 2.0 / 6, 2.0 / 6, 4.0 / 6, 5.0 / 6, 5.0 / 6, 5.0 / 6, 1.0, 1.0, 1.0},
                within(TOLERANCE));
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.65, 0.55, 0.45, 0.4, 0.3, 0.2, 0.1);
    }

    @Test
    void precisionRecallCurveMatchesScikitLearnReversed() {
        // precision_recall_curve(y, p), which lists the lowest threshold first; Kiln lists the highest first
        Curve pr = RankingCurves.precisionRecall(BINARY_P, positives());
        double[] precision = {1.0, 1.0, 1.0, 2.0 / 3, 2.0 / 3, 5.0 / 7, 0.625, 5.0 / 9, 0.6, 6.0 / 11, 0.5};
        double[] recall = {0.0, 1.0 / 6, 2.0 / 6, 2.0 / 6, 4.0 / 6, 5.0 / 6, 5.0 / 6, 5.0 / 6, 1.0, 1.0, 1.0};
        assertThat(pr.y()).containsExactly(precision, within(TOLERANCE));
        assertThat(pr.x()).containsExactly(recall, within(TOLERANCE));
    }

    private static boolean[] positives() {
        boolean[] positive = new boolean[BINARY_TRUTH.length];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = BINARY_TRUTH[i] == 1;
        }
        return positive;
    }
}
