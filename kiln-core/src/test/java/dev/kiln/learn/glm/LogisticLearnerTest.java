package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticLearnerTest {

    /** Two groups, apart on x0 but overlapping on the noise feature x1. */
    private static Frame separable() {
        Random random = new Random(42);
        int n = 40;
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[0][i] = (y[i] == 1 ? 1 : -3) + 2 * random.nextDouble();
            x[1][i] = 10 * random.nextGaussian() + 50;
        }
        return TestFrames.classification(x, y, 2);
    }

    @Test
    void binaryFitsASeparableSetAndStopsAtTheOptimum() {
        Frame frame = separable();
        LogisticParams params = LogisticParams.defaults().withTolerance(1e-10);
        LogisticModel model = new LogisticLearner(params).fit(frame, TrainOptions.of("y", Task.BINARY, 1));
        assertThat(accuracy(model.predict(frame), frame)).isEqualTo(1.0);
        assertThat(model.coefficients()).hasSize(2);
        assertThat(model.intercepts()).hasSize(1);
        double[] gradient = numericGradient(model, frame, params.l2());
        for (double g : gradient) {
            assertThat(g).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void defaultToleranceIsCloseToTheOptimumToo() {
        Frame frame = TestFrames.blobs(2, 100, 9);
        LogisticModel model = new LogisticLearner().fit(frame, TrainOptions.of("y", Task.BINARY, 1));
        for (double g : numericGradient(model, frame, 1.0)) {
            assertThat(g / frame.rowCount()).isCloseTo(0, within(1e-5));
        }
    }

    @Test
    void multinomialFitsThreeClassesAtTheOptimum() {
        Frame frame = TestFrames.blobs(3, 30, 5);
        LogisticParams params = new LogisticParams(0.5, 500, 1e-10);
        LogisticModel model = new LogisticLearner(params).fit(frame, TrainOptions.of("y", Task.MULTICLASS, 1));
        assertThat(model.coefficients()).hasSize(6);
        assertThat(model.intercepts()).hasSize(3);
        Predictions predictions = model.predict(frame);
        assertThat(accuracy(predictions, frame)).isGreaterThan(0.95);
        for (int i = 0; i < frame.rowCount(); i++) {
            double sum = predictions.probability(i, 0) + predictions.probability(i, 1) + predictions.probability(i, 2);
            assertThat(sum).isCloseTo(1, within(1e-12));
        }
        for (double g : numericGradient(model, frame, params.l2())) {
            assertThat(g).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void unpenalisedBinaryFeatureGivesTheClosedFormLogOdds() {
        // x = 0: 3 of 10 positive; x = 1: 8 of 10 positive
        double[][] x = new double[1][20];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            x[0][i] = i < 10 ? 0 : 1;
            y[i] = i < 3 || (i >= 10 && i < 18) ? 1 : 0;
        }
        LogisticParams params = new LogisticParams(0, 200, 1e-12);
        LogisticModel model = new LogisticLearner(params).fit(TestFrames.classification(x, y, 2), TrainOptions.of("y", Task.BINARY, 1));
        double logOdds0 = Math.log(3.0 / 7);
        double logOdds1 = Math.log(8.0 / 2);
        assertThat(model.intercepts()[0]).isCloseTo(logOdds0, within(1e-8));
        assertThat(model.coefficients()[0]).isCloseTo(logOdds1 - logOdds0, within(1e-8));
    }

    @Test
    void interceptOnlyModelsPredictTheClassFrequencies() {
        int[] y = {0, 1, 1, 2, 2, 2, 2, 2};
        LogisticModel model = new LogisticLearner().fit(TestFrames.classification(new double[0][], y, 3),
                TrainOptions.of("y", Task.MULTICLASS, 1));
        double[] out = new double[3];
        model.predictRow(new double[0], out);
        // the default tolerance stops once every gradient component, here p_k - frequency_k, is within 1e-6
        assertThat(out).containsExactly(new double[] {1.0 / 8, 2.0 / 8, 5.0 / 8}, within(1e-6));
    }

    @Test
    void strongerPenaltyShrinksCoefficients() {
        Frame frame = TestFrames.blobs(2, 50, 3);
        TrainOptions options = TrainOptions.of("y", Task.BINARY, 1);
        double weak = norm(new LogisticLearner(LogisticParams.defaults().withL2(0.01)).fit(frame, options).coefficients());
        double strong = norm(new LogisticLearner(LogisticParams.defaults().withL2(100)).fit(frame, options).coefficients());
        assertThat(strong).isLessThan(weak);
    }

    /** The central-difference gradient of the summed, penalised log-loss at the model's coefficients. */
    static double[] numericGradient(LogisticModel model, Frame frame, double l2) {
        double[] w = model.coefficients();
        double[] b = model.intercepts();
        double[] theta = new double[w.length + b.length];
        System.arraycopy(w, 0, theta, 0, w.length);
        System.arraycopy(b, 0, theta, w.length, b.length);
        double[] gradient = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[k]));
            double saved = theta[k];
            theta[k] = saved + h;
            double up = loss(theta, w.length, frame, model, l2);
            theta[k] = saved - h;
            double down = loss(theta, w.length, frame, model, l2);
            theta[k] = saved;
            gradient[k] = (up - down) / (2 * h);
        }
        return gradient;
    }

    private static double loss(double[] theta, int weights, Frame frame, LogisticModel model, double l2) {
        FeatureMatrix x = FeatureMatrix.of(frame, model.features());
        int[] y = frame.categorical("y").toCodes();
        int p = x.columnCount();
        int blocks = weights / p;
        double total = 0;
        for (int j = 0; j < weights; j++) {
            total += 0.5 * l2 * theta[j] * theta[j];
        }
        double[] scores = new double[blocks];
        for (int i = 0; i < x.rows(); i++) {
            for (int k = 0; k < blocks; k++) {
                scores[k] = theta[weights + k];
                for (int j = 0; j < p; j++) {
                    scores[k] += theta[k * p + j] * x.get(i, j);
                }
            }
            if (blocks == 1) {
                total += Math.log1p(Math.exp(scores[0])) - y[i] * scores[0];
            } else {
                double sum = 0;
                for (double s : scores) {
                    sum += Math.exp(s);
                }
                total += Math.log(sum) - scores[y[i]];
            }
        }
        return total;
    }

    static double accuracy(Predictions predictions, Frame frame) {
        int[] y = frame.categorical("y").toCodes();
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            if (predictions.classIndex(i) == y[i]) {
                correct++;
            }
        }
        return (double) correct / y.length;
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
