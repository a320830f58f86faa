package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double TOLERANCE = 1e-12;

    /** Binary predictions from the probability of class 1 per row (class 1 is predicted when p > 0.5). */
    private static Predictions binary(double... positiveProbabilities) {
        double[] probabilities = new double[positiveProbabilities.length * 2];
        for (int i = 0; i < positiveProbabilities.length; i++) {
            probabilities[2 * i] = 1.0 - positiveProbabilities[i];
            probabilities[2 * i + 1] = positiveProbabilities[i];
        }
        return Predictions.ofProbabilities(Task.BINARY, List.of("no", "yes"), probabilities);
    }

    /** Three-class predictions giving 0.6 to the predicted class and 0.2 to the others. */
    private static Predictions multiclass(int... predictedClass) {
        double[] probabilities = new double[predictedClass.length * 3];
        for (int i = 0; i < predictedClass.length; i++) {
            for (int c = 0; c < 3; c++) {
                probabilities[3 * i + c] = c == predictedClass[i] ? 0.6 : 0.2;
            }
        }
        return Predictions.ofProbabilities(Task.MULTICLASS, List.of("a", "b", "c"), probabilities);
    }

    @Test
    void binaryConfusionMetrics() {
        // truth     1 1 1 0 0 0 0 1
        // predicted 1 0 1 0 1 1 0 1   -> TP = 3 (rows 0, 2, 7), FN = 1 (row 1), FP = 2 (rows 4, 5), TN = 2
        int[] truth = {1, 1, 1, 0, 0, 0, 0, 1};
        Predictions p = binary(0.9, 0.2, 0.8, 0.1, 0.7, 0.6, 0.3, 0.95);
        assertThat(Metrics.compute(Metric.ACCURACY, p, truth)).isCloseTo(5.0 / 8, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.PRECISION, p, truth)).isCloseTo(3.0 / 5, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.RECALL, p, truth)).isCloseTo(3.0 / 4, within(TOLERANCE));
        // F1 = 2 TP / (2 TP + FP + FN) = 6 / 9
        assertThat(Metrics.compute(Metric.F1, p, truth)).isCloseTo(2.0 / 3, within(TOLERANCE));
    }

    @Test
    void precisionIsZeroWithoutPredictedPositives() {
        int[] truth = {1, 0, 1};
        Predictions p = binary(0.1, 0.2, 0.3);
        assertThat(Metrics.compute(Metric.PRECISION, p, truth)).isZero();
        assertThat(Metrics.compute(Metric.RECALL, p, truth)).isZero();
        assertThat(Metrics.compute(Metric.F1, p, truth)).isZero();
    }

    @Test
    void macroAveragesMatchScikitLearnDocExample() {
        // sklearn.metrics.precision_score / recall_score / f1_score docs: y_true = [0, 1, 2, 0, 1, 2],
        // y_pred = [0, 2, 1, 0, 0, 1], average='macro' -> 0.22..., 0.33..., 0.26...
        int[] truth = {0, 1, 2, 0, 1, 2};
        Predictions p = multiclass(0, 2, 1, 0, 0, 1);
        assertThat(Metrics.compute(Metric.PRECISION, p, truth)).isCloseTo(2.0 / 9, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.RECALL, p, truth)).isCloseTo(1.0 / 3, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.F1, p, truth)).isCloseTo(0.8 / 3, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.ACCURACY, p, truth)).isCloseTo(2.0 / 6, within(TOLERANCE));
    }

    @Test
    void macroAveragesByHand() {
        // truth [0,0,1,1,2,2], predicted [0,1,1,1,2,0]
        // class 0: TP 1, predicted 2, true 2 -> P 1/2, R 1/2, F1 2/4
        // class 1: TP 2, predicted 3, true 2 -> P 2/3, R 1,   F1 4/5
        // class 2: TP 1, predicted 1, true 2 -> P 1,   R 1/2, F1 2/3
        int[] truth = {0, 0, 1, 1, 2, 2};
        Predictions p = multiclass(0, 1, 1, 1, 2, 0);
        assertThat(Metrics.compute(Metric.PRECISION, p, truth)).isCloseTo((0.5 + 2.0 / 3 + 1) / 3, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.RECALL, p, truth)).isCloseTo((0.5 + 1 + 0.5) / 3, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.F1, p, truth)).isCloseTo((0.5 + 0.8 + 2.0 / 3) / 3, within(TOLERANCE));
    }

    @Test
    void macroAverageSkipsClassesNeitherTrueNorPredicted() {
        // class 2 never occurs: the average is over classes 0 and 1 only, both perfect
        int[] truth = {0, 1, 1};
        Predictions p = multiclass(0, 1, 1);
        assertThat(Metrics.compute(Metric.PRECISION, p, truth)).isEqualTo(1.0);
        assertThat(Metrics.compute(Metric.F1, p, truth)).isEqualTo(1.0);
    }

    @Test
    void rocAucMatchesScikitLearnDocExample() {
        // sklearn.metrics.roc_auc_score docs: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8] -> 0.75
        assertThat(Metrics.compute(Metric.ROC_AUC, binary(0.1, 0.4, 0.35, 0.8), new int[] {0, 0, 1, 1}))
                .isCloseTo(0.75, within(TOLERANCE));
    }

    @Test
    void rocAucCountsTiesAsOneHalf() {
        // positives score {0.5, 0.9}, negatives {0.5, 0.2}: pairs 0.5 (tie) + 1 + 1 + 1 = 3.5 of 4
        assertThat(Metrics.compute(Metric.ROC_AUC, binary(0.5, 0.5, 0.2, 0.9), new int[] {0, 1, 0, 1}))
                .isCloseTo(0.875, within(TOLERANCE));
        // every score tied: 0.5
        assertThat(Metrics.compute(Metric.ROC_AUC, binary(0.3, 0.3, 0.3), new int[] {0, 1, 1}))
                .isCloseTo(0.5, within(TOLERANCE));
    }

    @Test
    void rocAucIsNaNWhenTheTruthHasOneClass() {
        assertThat(Metrics.compute(Metric.ROC_AUC, binary(0.2, 0.7), new int[] {1, 1})).isNaN();
    }

    @Test
    void multiclassRocAucIsOneVsRestMacroAverage() {
        // class 0: positives {0.5, 0.4} vs negatives {0.2, 0.3}        -> 1
        // class 1: positive {0.5} vs negatives {0.05, 0.3, 0.5 (tie)}  -> 2.5 / 3
        // class 2: positive {0.4} vs negatives {0.45, 0.3, 0.1}        -> 2 / 3
        double[] probabilities = {
            0.5, 0.05, 0.45,
            0.2, 0.5, 0.3,
            0.3, 0.3, 0.4,
            0.4, 0.5, 0.1};
        Predictions p = Predictions.ofProbabilities(Task.MULTICLASS, List.of("a", "b", "c"), probabilities);
        assertThat(Metrics.compute(Metric.ROC_AUC, p, new int[] {0, 1, 2, 0}))
                .isCloseTo((1 + 2.5 / 3 + 2.0 / 3) / 3, within(TOLERANCE));
    }

    @Test
    void logLossMatchesScikitLearnDocExample() {
        // sklearn.metrics.log_loss docs: log_loss(["spam", "ham", "ham", "spam"],
        //   [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) -> 0.21616...; classes sorted: ham = 0, spam = 1.
        // By hand: -(ln .9 + ln .9 + ln .8 + ln .65) / 4 = 0.216161...
        Predictions p = binary(0.9, 0.1, 0.2, 0.65);
        double expected = -(Math.log(0.9) + Math.log(0.9) + Math.log(0.8) + Math.log(0.65)) / 4;
        double value = Metrics.compute(Metric.LOG_LOSS, p, new int[] {1, 0, 0, 1});
        assertThat(value).isCloseTo(expected, within(TOLERANCE));
        assertThat(value).isCloseTo(0.21616, within(1e-5));
    }

    @Test
    void logLossClipsZeroProbabilities() {
        // p(true) = 0 is clipped to 1e-15: -ln(1e-15) = 15 ln 10 = 34.538776...
        double value = Metrics.compute(Metric.LOG_LOSS, binary(0.0), new int[] {1});
        assertThat(value).isCloseTo(15 * Math.log(10), within(1e-9));
    }

    @Test
    void regressionMetricsMatchScikitLearnDocExamples() {
        // sklearn docs, y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8]:
        // mean_absolute_error 0.5, mean_squared_error 0.375, r2_score 0.9486081370449679
        double[] truth = {3, -0.5, 2, 7};
        Predictions p = Predictions.ofValues(new double[] {2.5, 0.0, 2, 8});
        assertThat(Metrics.compute(Metric.MAE, p, truth)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(Metrics.compute(Metric.RMSE, p, truth)).isCloseTo(Math.sqrt(0.375), within(TOLERANCE));
        assertThat(Metrics.compute(Metric.R2, p, truth)).isCloseTo(0.9486081370449679, within(TOLERANCE));
    }

    @Test
    void r2OfConstantTruthIsOneForAPerfectFitAndZeroOtherwise() {
        double[] truth = {2, 2, 2};
        assertThat(Metrics.compute(Metric.R2, Predictions.ofValues(new double[] {2, 2, 2}), truth)).isEqualTo(1.0);
        assertThat(Metrics.compute(Metric.R2, Predictions.ofValues(new double[] {1, 2, 3}), truth)).isEqualTo(0.0);
    }

    @Test
    void allReturnsEveryApplicableMetricInStableOrder() {
        Map<String, Double> classification =
                Metrics.all(Task.BINARY, binary(0.1, 0.4, 0.35, 0.8), new int[] {0, 0, 1, 1});
        assertThat(classification.keySet())
                .containsExactly("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "balanced_accuracy",
                        "precision_micro", "precision_macro", "precision_weighted", "recall_micro", "recall_macro",
                        "recall_weighted", "f1_micro", "f1_macro", "f1_weighted", "roc_auc_weighted", "pr_auc", "brier",
                        "mcc", "cohen_kappa");
        assertThat(classification.get("roc_auc")).isCloseTo(0.75, within(TOLERANCE));

        Map<String, Double> regression = Metrics.all(Task.REGRESSION, Predictions.ofValues(new double[] {1, 2}),
                new double[] {1, 3});
        assertThat(regression.keySet()).containsExactly("rmse", "mae", "r2", "mape", "median_ae", "explained_variance");
        assertThat(regression.get("mae")).isCloseTo(0.5, within(TOLERANCE));
    }

    @Test
    void callerMistakesNameTheProblem() {
        Predictions p = binary(0.1, 0.9);
        assertThatThrownBy(() -> Metrics.compute(Metric.ACCURACY, p, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truth has 1 rows");
        assertThatThrownBy(() -> Metrics.compute(Metric.ACCURACY, p, new int[] {0, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trueClass[1] = 2");
        assertThatThrownBy(() -> Metrics.compute(Metric.RMSE, p, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rmse");
        assertThatThrownBy(() -> Metrics.all(Task.MULTICLASS, p, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiclass");
        assertThatThrownBy(() -> Metrics.all(Task.BINARY, p, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regression task");
    }
}
