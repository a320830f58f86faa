package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration curves, decision thresholds and fairness rates on small cases worked out by hand or by scikit-learn. */
class DiagnosisTest {
    private static final int[] TRUTH = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1};
    private static final double[] P = {0.9, 0.4, 0.65, 0.3, 0.2, 0.65, 0.8, 0.1, 0.55, 0.7, 0.45, 0.65};

    private static Predictions binary(double... positive) {
        double[] probabilities = new double[positive.length * 2];
        for (int i = 0; i < positive.length; i++) {
            probabilities[2 * i] = 1 - positive[i];
            probabilities[2 * i + 1] = positive[i];
        }
        return Predictions.ofProbabilities(Task.BINARY, List.of("no", "yes"), probabilities);
    }

    @Test
    void calibrationCurveMatchesScikitLearn() {
        // sklearn.calibration.calibration_curve(y, p, n_bins=5, strategy='uniform') (sklearn 1.2.1):
        // prob_true [0.0, 0.5, 0.5, 0.6, 1.0], prob_pred [0.15, 0.35, 0.5, 0.69, 0.9]
        CalibrationCurve curve = CalibrationCurve.of(binary(P), TRUTH, 5);
        assertThat(curve.bins()).extracting(CalibrationCurve.Bin::observed).containsExactly(0.0, 0.5, 0.5, 0.6, 1.0);
        double[] predicted = curve.bins().stream().mapToDouble(CalibrationCurve.Bin::meanPredicted).toArray();
        assertThat(predicted).containsExactly(new double[] {0.15, 0.35, 0.5, 0.69, 0.9}, within(1e-12));
        assertThat(curve.bins()).extracting(CalibrationCurve.Bin::count).containsExactly(2L, 2L, 2L, 5L, 1L);
        // ECE = (2*0.15 + 2*0.15 + 2*0 + 5*0.09 + 1*0.1) / 12
        assertThat(curve.expectedCalibrationError()).isCloseTo((0.3 + 0.3 + 0.45 + 0.1) / 12, within(1e-12));
    }

    @Test
    void thresholdForF1ByHand() {
        // thresholds from the top: t=0.9 TP1 FP0 FN5 F1 2/7; 0.8: TP2 F1 4/8; 0.7: TP2 FP1 F1 4/9; 0.65: TP4 FP2 FN2
        // F1 8/12; 0.55: TP5 FP2 FN1 F1 10/13 (best); 0.45: TP5 FP3 F1 10/14; 0.4: 10/15; 0.3: TP6 FP4 12/16 ...
        DecisionThreshold.Choice choice = DecisionThreshold.forF1(binary(P), TRUTH);
        assertThat(choice.threshold()).isEqualTo(0.55);
        assertThat(choice.score()).isCloseTo(10.0 / 13, within(1e-12));
    }

    @Test
    void thresholdForCostsByHand() {
        // fp 1, fn 5: at t=0.3 FP 4, FN 0 -> cost 4; at 0.55 FP2 FN1 -> 7; at 0.1 FP 6 -> 6; at 0.2 FP 5 -> 5. Best 0.3.
        DecisionThreshold.Choice costly = DecisionThreshold.forCosts(binary(P), TRUTH, 1, 5);
        assertThat(costly.threshold()).isEqualTo(0.3);
        assertThat(costly.score()).isEqualTo(4.0);
        // fp 5, fn 1: predicting nothing costs 6 (FN 6); t=0.9 costs 5; 0.8 costs 4 (FN 4); 0.7: FP1 FN4 -> 9. Best 0.8.
        assertThat(DecisionThreshold.forCosts(binary(P), TRUTH, 5, 1).threshold()).isEqualTo(0.8);
        assertThatThrownBy(() -> DecisionThreshold.forCosts(binary(P), TRUTH, 0, 0)).hasMessageContaining("not both 0");
    }

    @Test
    void thresholdAppliesToClassLabelsOnly() {
        Predictions p = binary(P).withThreshold(0.3);
        assertThat(p.classIndex(3)).isEqualTo(1);
        assertThat(p.classIndex(4)).isEqualTo(0);
        assertThat(p.probability(3, 1)).isEqualTo(0.3);
        assertThat(Metrics.compute(Metric.RECALL, p, TRUTH)).isEqualTo(1.0);
    }

    @Test
    void fairnessRatesByHand() {
        // group a: rows 0-5, group b: rows 6-11; predicted (p > 0.5) = [1,0,1,0,0,1 | 1,0,1,1,0,1]
        // a: truth [1,0,1,1,0,0] -> TP 2, FP 1, FN 1, TN 2: selection 3/6, TPR 2/3, FPR 1/3, precision 2/3
        // b: truth [1,0,1,0,0,1] -> TP 3, FP 1, FN 0, TN 2: selection 4/6, TPR 1,   FPR 1/3, precision 3/4
        String[] groups = {"a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"};
        FairnessReport report = Fairness.of(CategoricalColumn.ofLabels("sex", groups), binary(P), TRUTH);
        assertThat(report.groups()).extracting(GroupRates::group).containsExactly("a", "b");
        GroupRates a = report.groups().get(0);
        GroupRates b = report.groups().get(1);
        assertThat(a.count()).isEqualTo(6);
        assertThat(a.selectionRate()).isCloseTo(0.5, within(1e-12));
        assertThat(a.truePositiveRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.falsePositiveRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(a.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(b.selectionRate()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(b.truePositiveRate()).isEqualTo(1.0);
        assertThat(b.precision()).isCloseTo(0.75, within(1e-12));
        assertThat(report.demographicParityDifference()).isCloseTo(1.0 / 6, within(1e-12));
        // TPR spread 1/3, FPR spread 0 -> 1/3
        assertThat(report.equalizedOddsDifference()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(report.metrics()).containsOnlyKeys("dp_difference", "eo_difference");
    }

    @Test
    void missingGroupValuesFormTheirOwnGroup() {
        String[] groups = {"a", null, "a", null};
        FairnessReport report = Fairness.of(CategoricalColumn.ofLabels("g", groups), binary(0.9, 0.1, 0.2, 0.8), new int[] {1, 0, 0, 1});
        assertThat(report.groups()).extracting(GroupRates::group).containsExactly("(missing)", "a");
        assertThat(report.groups().get(1).falsePositiveRate()).isEqualTo(0.0);
    }
}
