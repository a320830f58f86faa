package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearSvmLearnerTest {

    /**
     * x = −2, −1 | 1, 2 with hinge loss and a large C: the hard margin with a regularised bias is
     * {@code w = 1, b = 0} (the margin rows ±1 sit on it), whatever the standardisation inside.
     */
    @Test
    void separableSetHasTheKnownMaximalMargin() {
        Frame frame = TestFrames.classification(new double[][] {{-2, -1, 1, 2}}, new int[] {0, 0, 1, 1}, 2);
        LinearSvmParams params = LinearSvmParams.fromMap(Map.of("loss", "hinge", "c", "1000", "tolerance", "1e-10",
                "max_iter", "100000", "platt_folds", "0"));
        LinearSvmModel model = new LinearSvmLearner(params).fit(frame, new TrainOptions("y", Task.BINARY, 1, 1));
        assertThat(model.coefficients()[0]).isCloseTo(1, within(1e-6));
        assertThat(model.intercepts()[0]).isCloseTo(0, within(1e-6));
        assertThat(model.decision(new double[] {1}, 0)).isCloseTo(1, within(1e-6));
    }

    /** 60 fixed rows through scikit-learn 1.2's LinearSVC / LinearSVR (liblinear) on the same standardised rows. */
    @Test
    void matchesLiblinear() {
        int n = 60;
        double[][] columns = new double[3][n];
        int[] codes = new int[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = Math.sin(i * 0.7) * 2 + 1;
            columns[1][i] = Math.cos(i * 1.3) * 3 - 2;
            columns[2][i] = (i % 7) * 0.5;
            codes[i] = columns[0][i] - 0.5 * columns[1][i] + 0.3 * columns[2][i] > 2.2 ? 1 : 0;
            z[i] = columns[0][i] * 2 - columns[1][i] + 0.5 * columns[2][i] + Math.sin(i);
        }
        Map<String, String> tight = Map.of("tolerance", "1e-10", "max_iter", "1000000", "platt_folds", "0");
        LinearSvmModel svc = new LinearSvmLearner(LinearSvmParams.fromMap(tight))
                .fit(TestFrames.classification(columns, codes, 2), new TrainOptions("y", Task.BINARY, 3, 1));
        assertThat(svc.coefficients()).containsExactly(new double[] {1.24391199, -0.47752905, 0.72960611}, within(1e-5));
        assertThat(svc.intercepts()[0]).isCloseTo(-2.815758181799011, within(1e-5));
        var svrParams = new java.util.HashMap<>(tight);
        svrParams.put("epsilon", "0.1");
        LinearSvmModel svr = new LinearSvmLearner(LinearSvmParams.fromMap(svrParams))
                .fit(TestFrames.regression(columns, z), new TrainOptions("y", Task.REGRESSION, 3, 1));
        assertThat(svr.coefficients()).containsExactly(new double[] {1.93617263, -0.95083228, 0.5677577}, within(1e-4));
        assertThat(svr.intercepts()[0]).isCloseTo(-0.005786726480049964, within(1e-4));
    }

    @Test
    void oneVersusRestProbabilitiesSumToOne() {
        Frame frame = TestFrames.blobs(3, 40, 4);
        LinearSvmModel model = new LinearSvmLearner().fit(frame, new TrainOptions("y", Task.MULTICLASS, 5, 2));
        var predictions = model.predict(frame);
        int correct = 0;
        for (int i = 0; i < predictions.size(); i++) {
            assertThat(predictions.probability(i, 0) + predictions.probability(i, 1) + predictions.probability(i, 2))
                    .isCloseTo(1, within(1e-12));
            correct += predictions.classIndex(i) == frame.categorical("y").code(i) ? 1 : 0;
        }
        assertThat(correct).isGreaterThanOrEqualTo(110);
    }

    @Test
    void lossMustFitTheTaskAndParamsAreValidated() {
        Frame regression = TestFrames.noisyLinear(30, 0.1, 1);
        assertThatThrownBy(() -> new LinearSvmLearner(LinearSvmParams.defaults().withLoss("hinge"))
                .fit(regression, new TrainOptions("y", Task.REGRESSION, 1, 1))).hasMessageContaining("loss");
        assertThatThrownBy(() -> LinearSvmParams.fromMap(Map.of("c", "-1"))).hasMessageContaining("c:");
        assertThatThrownBy(() -> LinearSvmParams.fromMap(Map.of("loss", "log"))).hasMessageContaining("loss");
        assertThatThrownBy(() -> LinearSvmParams.fromMap(Map.of("platt_folds", "1"))).hasMessageContaining("platt_folds");
        LinearSvmParams params = LinearSvmParams.fromMap(Map.of("c", "0.5", "loss", "hinge"));
        assertThat(LinearSvmParams.fromMap(SvmLearnerTest.stringMap(params.toMap()))).isEqualTo(params);
    }
}
