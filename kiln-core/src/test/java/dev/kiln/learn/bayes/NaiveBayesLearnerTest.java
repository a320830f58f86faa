package dev.kiln.learn.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NaiveBayesLearnerTest {
    private static final TrainOptions BINARY = new TrainOptions("y", Task.BINARY, 1, 1);

    /**
     * Class 0: x = 0, 2 (mean 1, variance 1); class 1: x = 4, 6, 8 (mean 6, variance 8/3); priors 2/5, 3/5.
     * At x = 3: P(0) ∝ 0.4 N(3; 1, 1), P(1) ∝ 0.6 N(3; 6, 8/3); scikit-learn's GaussianNB gives 0.44335658.
     */
    @Test
    void gaussianPosteriorsByHand() {
        Frame frame = TestFrames.classification(new double[][] {{0, 2, 4, 6, 8}}, new int[] {0, 0, 1, 1, 1}, 2);
        NaiveBayesModel model = new NaiveBayesLearner(NaiveBayesParams.fromMap(Map.of("var_smoothing", "0", "kind", "gaussian")))
                .fit(frame, BINARY);
        double p0 = 0.4 * Math.exp(-0.5 * 4) / Math.sqrt(2 * Math.PI);
        double p1 = 0.6 * Math.exp(-0.5 * 9 / (8.0 / 3)) / Math.sqrt(2 * Math.PI * 8 / 3);
        double[] out = new double[2];
        model.predictRow(new double[] {3}, out);
        assertThat(out[0]).isCloseTo(p0 / (p0 + p1), within(1e-12)).isCloseTo(0.44335658, within(1e-8));
        assertThat(out[0] + out[1]).isCloseTo(1, within(1e-15));
    }

    @Test
    void farRowsStayFiniteInLogSpace() {
        Frame frame = TestFrames.classification(new double[][] {{0, 0.1, 5, 5.1}}, new int[] {0, 0, 1, 1}, 2);
        NaiveBayesModel model = new NaiveBayesLearner().fit(frame, BINARY);
        double[] out = new double[2];
        model.predictRow(new double[] {1e6}, out);
        assertThat(out[1]).isEqualTo(1.0);
        assertThat(out[0]).isBetween(0.0, 1e-300);
    }

    /** Codes: class 0 has 0, 0, 1; class 1 has 1, 2, 2; α = 1, m = 3: P(0 | c0) = 3/6, P(0 | c1) = 1/6. */
    @Test
    void categoricalPosteriorsByHand() {
        Frame frame = TestFrames.classification(new double[][] {{0, 0, 1, 1, 2, 2}}, new int[] {0, 0, 0, 1, 1, 1}, 2);
        NaiveBayesModel model = new NaiveBayesLearner().fit(frame, BINARY);
        assertThat(model.kind()).isEqualTo("categorical");
        double[] out = new double[2];
        model.predictRow(new double[] {0}, out);
        assertThat(out[0]).isCloseTo(0.75, within(1e-12));
        model.predictRow(new double[] {7}, out);
        assertThat(out[0]).as("an unseen code counts as zero in both classes").isCloseTo(0.5, within(1e-12));
    }

    /** Counts: class 0 sums (3, 1), class 1 (1, 5); α = 1: θ0 = (4/6, 2/6), θ1 = (2/8, 6/8). */
    @Test
    void multinomialPosteriorsByHand() {
        Frame frame = TestFrames.classification(new double[][] {{2, 1, 0, 1}, {0, 1, 3, 2}}, new int[] {0, 0, 1, 1}, 2);
        NaiveBayesModel model = new NaiveBayesLearner(NaiveBayesParams.defaults().withKind("multinomial")).fit(frame, BINARY);
        double l0 = (4.0 / 6) * (2.0 / 6);
        double l1 = (2.0 / 8) * (6.0 / 8);
        double[] out = new double[2];
        model.predictRow(new double[] {1, 1}, out);
        assertThat(out[0]).isCloseTo(l0 / (l0 + l1), within(1e-12));
    }

    @Test
    void autoChoosesByTheValues() {
        assertThat(NaiveBayesLearner.chooseKind(new double[][] {{0, 1, 3}})).isEqualTo("categorical");
        assertThat(NaiveBayesLearner.chooseKind(new double[][] {{0, 1, 300}})).isEqualTo("multinomial");
        assertThat(NaiveBayesLearner.chooseKind(new double[][] {{0, 1.5}})).isEqualTo("gaussian");
        assertThat(NaiveBayesLearner.chooseKind(new double[][] {{0, -1}})).isEqualTo("gaussian");
    }

    @Test
    void rejectsRegressionAndBadValues() {
        assertThatThrownBy(() -> new NaiveBayesLearner().fit(TestFrames.noisyLinear(10, 1, 1),
                new TrainOptions("y", Task.REGRESSION, 1, 1))).hasMessageContaining("classification");
        Frame negative = TestFrames.classification(new double[][] {{1, -2, 3, 4}}, new int[] {0, 0, 1, 1}, 2);
        assertThatThrownBy(() -> new NaiveBayesLearner(NaiveBayesParams.defaults().withKind("multinomial")).fit(negative, BINARY))
                .hasMessageContaining("'x0'").hasMessageContaining("row 1");
        assertThatThrownBy(() -> new NaiveBayesLearner(NaiveBayesParams.defaults().withKind("categorical")).fit(negative, BINARY))
                .hasMessageContaining("'x0'").hasMessageContaining("row 1");
        assertThatThrownBy(() -> NaiveBayesParams.fromMap(Map.of("alpha", "0"))).hasMessageContaining("alpha");
    }
}
