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

class SvmLearnerTest {

    /** Three points each side of {@code x0 = 0}: the maximal margin is {@code x0 = 0}, the support vectors (±1, 0). */
    @Test
    void separableSetHasTheKnownMarginAndSupportVectors() {
        double[][] columns = {{1, 2, 2, -1, -2, -2}, {0, 1, -1, 0, 1, -1}};
        Frame frame = TestFrames.classification(columns, new int[] {0, 0, 0, 1, 1, 1}, 2);
        SvmParams params = SvmParams.fromMap(Map.of("kernel", "linear", "c", "100", "standardize", "false",
                "platt_folds", "0", "tolerance", "1e-6"));
        SvmModel model = new SvmLearner(params).fit(frame, new TrainOptions("y", Task.BINARY, 1, 1));
        assertThat(model.supportVectorCount()).isEqualTo(2);
        assertThat(model.supportVectors()).containsExactly(1, 0, -1, 0);
        assertThat(model.pairCoefficients(0)).containsExactly(new double[] {0.5, -0.5}, within(1e-9));
        assertThat(model.rho()[0]).isCloseTo(0, within(1e-9));
        // w = Σ coef sv = (1, 0): the decision is x0, the distance to the boundary
        assertThat(model.decisionValue(new double[] {3, 7}, 0)).isCloseTo(3, within(1e-9));
        double[] out = new double[2];
        model.predictRow(new double[] {0.5, 0}, out);
        assertThat(out[0]).isGreaterThan(0.5);
    }

    /** The same 40 rows through scikit-learn 1.2's SVC and SVR (libsvm), gamma 0.5, C 1, tol 1e-6. */
    @Test
    void matchesLibsvmOnAFixedProblem() {
        int n = 40;
        double[][] columns = new double[2][n];
        int[] codes = new int[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = Math.sin(i * 0.7) * 2;
            columns[1][i] = Math.cos(i * 1.3) * 2;
            codes[i] = columns[0][i] * columns[1][i] > 0 ? 1 : 0;
            z[i] = columns[0][i] * columns[0][i] - columns[1][i];
        }
        SvmParams params = SvmParams.fromMap(Map.of("gamma", "0.5", "standardize", "false", "platt_folds", "0",
                "tolerance", "1e-6"));
        SvmModel svc = new SvmLearner(params).fit(TestFrames.classification(columns, codes, 2),
                new TrainOptions("y", Task.BINARY, 1, 1));
        assertThat(svc.supportVectorCount()).isEqualTo(21);
        double sumAbs = 0;
        for (double coefficient : svc.pairCoefficients(0)) {
            sumAbs += Math.abs(coefficient);
        }
        assertThat(sumAbs).isCloseTo(14.219994050140928, within(1e-4));
        // scikit-learn's decision is positive for its second class, Kiln's pair (0, 1) for the first
        double[] expected = {-0.40493347, 1.00000001, -1.00000024};
        for (int i = 0; i < 3; i++) {
            double decision = svc.decisionValue(new double[] {columns[0][i], columns[1][i]}, 0);
            assertThat(-decision).isCloseTo(expected[i], within(1e-4));
        }
        SvmModel svr = new SvmLearner(params).fit(TestFrames.regression(columns, z), new TrainOptions("y", Task.REGRESSION, 1, 1));
        assertThat(svr.supportVectorCount()).isEqualTo(31);
        assertThat(-svr.rho()[0]).isCloseTo(2.2650420513663967, within(1e-4));
        double[] predicted = {-1.27732601, 1.24464998, 4.53618237};
        double[] out = new double[1];
        for (int i = 0; i < 3; i++) {
            svr.predictRow(new double[] {columns[0][i], columns[1][i]}, out);
            assertThat(out[0]).isCloseTo(predicted[i], within(1e-4));
        }
    }

    @Test
    void withoutShrinkingReachesTheSameSolution() {
        Frame frame = TestFrames.blobs(3, 40, 5);
        TrainOptions options = new TrainOptions("y", Task.MULTICLASS, 3, 1);
        SvmModel shrunk = new SvmLearner(SvmParams.defaults().withPlattFolds(0)).fit(frame, options);
        SvmModel full = new SvmLearner(SvmParams.defaults().withPlattFolds(0).withShrinking(false)).fit(frame, options);
        assertThat(shrunk.supportVectorCount()).isEqualTo(full.supportVectorCount());
        for (int pair = 0; pair < 3; pair++) {
            assertThat(shrunk.rho()[pair]).isCloseTo(full.rho()[pair], within(1e-2));
        }
    }

    @Test
    void multiclassProbabilitiesSumToOneAndFavourTheRightClass() {
        Frame frame = TestFrames.blobs(3, 40, 9);
        SvmModel model = new SvmLearner().fit(frame, new TrainOptions("y", Task.MULTICLASS, 3, 2));
        var predictions = model.predict(frame);
        int correct = 0;
        for (int i = 0; i < predictions.size(); i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += predictions.probability(i, k);
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
            correct += predictions.classIndex(i) == frame.categorical("y").code(i) ? 1 : 0;
        }
        assertThat(correct).isGreaterThanOrEqualTo(110);
    }

    /** Large enough that kernel rows are split across the pool's threads. */
    @Test
    void parallelKernelRowsGiveTheSameModelBitForBit() {
        java.util.Random random = new java.util.Random(5);
        int n = 500;
        int p = 132;
        double[][] columns = new double[p][n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < p; j++) {
                columns[j][i] = random.nextGaussian();
                sum += j % 3 == 0 ? columns[j][i] : 0;
            }
            codes[i] = sum + random.nextGaussian() > 0 ? 1 : 0;
        }
        Frame frame = TestFrames.classification(columns, codes, 2);
        SvmLearner learner = new SvmLearner(SvmParams.defaults().withPlattFolds(0));
        SvmModel one = learner.fit(frame, new TrainOptions("y", Task.BINARY, 1, 1));
        SvmModel four = learner.fit(frame, new TrainOptions("y", Task.BINARY, 1, 4));
        assertThat(four.toJson(new dev.kiln.learn.InMemoryArrays())).isEqualTo(one.toJson(new dev.kiln.learn.InMemoryArrays()));
        assertThat(four.supportVectors()).isEqualTo(one.supportVectors());
        assertThat(four.pairCoefficients(0)).isEqualTo(one.pairCoefficients(0));
        assertThat(four.rho()).isEqualTo(one.rho());
    }

    @Test
    void aClassWithoutRowsGetsNoProbability() {
        Frame two = TestFrames.blobs(2, 30, 3);
        Frame frame = two.with(dev.kiln.data.CategoricalColumn.of("y", two.categorical("y").toCodes(), java.util.List.of("c0", "c1", "c2")));
        SvmModel model = new SvmLearner().fit(frame, new TrainOptions("y", Task.MULTICLASS, 3, 1));
        var predictions = model.predict(frame);
        for (int i = 0; i < predictions.size(); i++) {
            assertThat(predictions.probability(i, 2)).isLessThan(0.05);
            assertThat(predictions.probability(i, 0) + predictions.probability(i, 1) + predictions.probability(i, 2))
                    .isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void paramsAreValidatedNamingTheKey() {
        assertThatThrownBy(() -> SvmParams.fromMap(Map.of("gamma", "wide"))).hasMessageContaining("gamma");
        assertThatThrownBy(() -> SvmParams.fromMap(Map.of("kernel", "sigmoid"))).hasMessageContaining("kernel");
        assertThatThrownBy(() -> SvmParams.fromMap(Map.of("c", "0"))).hasMessageContaining("c:");
        assertThatThrownBy(() -> SvmParams.fromMap(Map.of("platt_folds", "1"))).hasMessageContaining("platt_folds");
        assertThatThrownBy(() -> SvmParams.fromMap(Map.of("shrinking", "yes"))).hasMessageContaining("shrinking");
        SvmParams params = SvmParams.fromMap(Map.of("c", "2.5", "kernel", "poly", "degree", "2"));
        assertThat(SvmParams.fromMap(stringMap(params.toMap()))).isEqualTo(params);
    }

    static Map<String, String> stringMap(Map<String, Object> values) {
        var out = new java.util.LinkedHashMap<String, String>();
        values.forEach((key, value) -> out.put(key, String.valueOf(value)));
        return out;
    }
}
