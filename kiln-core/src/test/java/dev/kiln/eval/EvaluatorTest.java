package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts the report is built from: fairness metrics merged into the metrics, thinned curves, residuals. */
class EvaluatorTest {
    private static Predictions binary(double... positive) {
        double[] probabilities = new double[positive.length * 2];
        for (int i = 0; i < positive.length; i++) {
            probabilities[2 * i] = 1 - positive[i];
            probabilities[2 * i + 1] = positive[i];
        }
        return Predictions.ofProbabilities(Task.BINARY, List.of("no", "yes"), probabilities);
    }

    @Test
    void fairnessMetricsAreTheLargestOverTheSensitiveColumns() {
        // predicted [1, 1, 0, 0]; g1 = [a, b, a, b]: selection 1/2 and 1/2 -> dp 0; g2 = [a, a, b, b]: 1 and 0 -> dp 1
        Frame rows = Frame.of(CategoricalColumn.ofLabels("g1", new String[] {"a", "b", "a", "b"}),
                CategoricalColumn.ofLabels("g2", new String[] {"a", "a", "b", "b"}), NumericColumn.of("x", new double[4]));
        Predictions p = binary(0.9, 0.8, 0.2, 0.1);
        Truth truth = Truth.ofClasses(new int[] {1, 0, 1, 0});
        List<FairnessReport> fairness = Evaluator.fairness(rows, List.of("g1", "g2"), p, truth);
        assertThat(fairness).extracting(FairnessReport::demographicParityDifference).containsExactly(0.0, 1.0);
        Map<String, Double> metrics = Evaluator.metrics(Task.BINARY, p, truth, fairness);
        assertThat(metrics.get("dp_difference")).isEqualTo(1.0);
        assertThat(metrics.get("accuracy")).isEqualTo(0.5);
        // g2: TPR a = 1/1, b = 0/1 -> 1; FPR a = 1/1, b = 0/1 -> 1
        assertThat(metrics.get("eo_difference")).isEqualTo(1.0);
        assertThat(Evaluator.fairness(rows, List.of("g1"), Predictions.ofValues(new double[4]), Truth.ofValues(new double[4]))).isEmpty();
    }

    @Test
    void thinnedCurvesKeepTheEndsAndEvenlySpacedPoints() {
        double[] x = new double[11];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Curve thin = new Curve(x, x, x).thinned(3);
        assertThat(thin.x()).containsExactly(0, 5, 10);
        assertThat(new Curve(x, x, x).thinned(20).size()).isEqualTo(11);
    }

    @Test
    void residualsAreTruthMinusPredictionWithAHistogramOfAllRows() {
        double[] predicted = {1, 2, 3, 4};
        double[] truth = {1, 3, 5, 3};
        Residuals r = Residuals.of(predicted, truth, 10, 2, 1);
        assertThat(r.residual()).containsExactly(0, 1, 2, -1); // every row, in row order
        assertThat(r.edges()).containsExactly(new double[] {-1, 0.5, 2}, within(1e-12));
        assertThat(r.counts()).containsExactly(2, 2); // [-1, 0.5): -1 and 0; [0.5, 2]: 1 and 2
        assertThat(Residuals.of(predicted, truth, 2, 2, 1).predicted()).hasSize(2);
    }

    @Test
    void samplesAreSortedSubsetsAndEveryRowWhenFewer() {
        assertThat(Evaluator.sample(5, 10, 1)).containsExactly(0, 1, 2, 3, 4);
        int[] sample = Evaluator.sample(1000, 10, 1);
        assertThat(sample).hasSize(10).isSorted().doesNotHaveDuplicates();
        assertThat(Evaluator.sample(1000, 10, 1)).isEqualTo(sample);
    }
}
