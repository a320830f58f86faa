package dev.kiln.learn.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.ContractChecks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsolationForestLearnerTest {
    private static final TrainOptions OPTIONS = TrainOptions.unsupervised(Task.ANOMALY, 3, 1);

    /** 2,000 rows uniform in [-1, 1]² and 10 rows far out, at the end. */
    static Frame withOutliers() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 2010;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            boolean outlier = i >= 2000;
            a[i] = outlier ? 6 + i % 3 : 2 * random.nextDouble() - 1;
            b[i] = outlier ? -6 - i % 4 : 2 * random.nextDouble() - 1;
        }
        return Frame.of(NumericColumn.of("a", a), NumericColumn.of("b", b));
    }

    @Test
    void scoresOutliersHighAndFlagsTheContaminatedShare() {
        Frame frame = withOutliers();
        IsolationForestModel model = new IsolationForestLearner(IsolationForestParams.fromMap(Map.of("contamination", "0.005")))
                .fit(frame, OPTIONS);
        Predictions p = model.predict(frame);
        int flagged = 0;
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.value(i)).isBetween(0.0, 1.0);
            flagged += p.isAnomaly(i) ? 1 : 0;
        }
        for (int i = 2000; i < 2010; i++) {
            assertThat(p.value(i)).as("outlier %s", i).isGreaterThan(0.6);
            assertThat(p.isAnomaly(i)).isTrue();
        }
        assertThat(flagged).isBetween(10, 11);
        assertThat(p.toFrame().names()).containsExactly("prediction", "is_anomaly");
        IsolationForestModel auto = new IsolationForestLearner().fit(frame, OPTIONS);
        assertThat(auto.threshold()).isEqualTo(0.5);
    }

    @Test
    void averagePathLengthKnownValues() {
        // c(256) from the paper's formula, 2 H(255) − 2·255/256 with H(i) ≈ ln i + γ
        assertThat(dev.kiln.prep.IsolationForestTestAccess.averagePathLength(256))
                .isCloseTo(2 * (Math.log(255) + 0.5772156649015329) - 2 * 255.0 / 256, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(dev.kiln.prep.IsolationForestTestAccess.averagePathLength(2)).isEqualTo(1);
        assertThat(dev.kiln.prep.IsolationForestTestAccess.averagePathLength(1)).isEqualTo(0);
    }

    @Test
    void sameModelForAnyThreadCountAndRoundTrip() throws Exception {
        Frame frame = withOutliers();
        var learner = new IsolationForestLearner(IsolationForestParams.fromMap(Map.of("trees", "40", "max_samples", "128")));
        ContractChecks.deterministicAcrossThreads(learner, frame, OPTIONS);
        IsolationForestModel model = learner.fit(frame, OPTIONS);
        ContractChecks.roundTrip(model, frame);
        ContractChecks.predictRowMatchesPredict(model, frame);
        ContractChecks.predictRowAllocatesNothing(model);
    }

    @Test
    void badParametersNameTheKey() {
        assertThatThrownBy(() -> IsolationForestParams.fromMap(Map.of("contamination", "0.7"))).hasMessageContaining("contamination");
        assertThatThrownBy(() -> IsolationForestParams.fromMap(Map.of("max_samples", "1"))).hasMessageContaining("max_samples");
        assertThatThrownBy(() -> new IsolationForestLearner().fit(withOutliers(), TrainOptions.unsupervised(Task.CLUSTERING, 1, 1)))
                .hasMessageContaining("anomaly");
    }
}
