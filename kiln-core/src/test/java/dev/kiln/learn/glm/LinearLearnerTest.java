package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import org.junit.jupiter.api.Test;

class LinearLearnerTest {
    private static final TrainOptions OPTIONS = TrainOptions.of("y", Task.REGRESSION, 1);

    @Test
    void ordinaryLeastSquaresRecoversExactCoefficients() {
        int n = 30;
        double[][] x = new double[3][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = i;
            x[1][i] = (i * i) % 7;
            x[2][i] = Math.sin(i);
            y[i] = 3 + 2 * x[0][i] - 1.5 * x[1][i] + 4 * x[2][i];
        }
        LinearModel model = new LinearLearner().fit(TestFrames.regression(x, y), OPTIONS);
        assertThat(model.coefficients()).containsExactly(new double[] {2, -1.5, 4}, within(1e-10));
        assertThat(model.intercept()).isCloseTo(3, within(1e-9));
        assertThat(model.features()).containsExactly("x0", "x1", "x2");
    }

    @Test
    void ridgeMatchesTheClosedForm() {
        Frame frame = TestFrames.noisyLinear(50, 1.0, 3);
        double alpha = 7.5;
        LinearModel model = new LinearLearner(new LinearParams(alpha)).fit(frame, OPTIONS);
        int p = 3;
        int n = frame.rowCount();
        double[][] x = new double[p][];
        double[] means = new double[p];
        for (int j = 0; j < p; j++) {
            x[j] = frame.numeric("x" + j).toArray();
            means[j] = mean(x[j]);
        }
        double[] y = frame.numeric("y").toArray();
        double yMean = mean(y);
        double[][] a = new double[p][p + 1];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                for (int i = 0; i < n; i++) {
                    a[r][c] += (x[r][i] - means[r]) * (x[c][i] - means[c]);
                }
            }
            a[r][r] += alpha;
            for (int i = 0; i < n; i++) {
                a[r][p] += (x[r][i] - means[r]) * (y[i] - yMean);
            }
        }
        double[] expected = gaussianElimination(a);
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            intercept -= expected[j] * means[j];
        }
        assertThat(model.coefficients()).containsExactly(expected, within(1e-10));
        assertThat(model.intercept()).isCloseTo(intercept, within(1e-10));
        LinearModel ols = new LinearLearner().fit(frame, OPTIONS);
        assertThat(Math.abs(model.coefficients()[0])).isLessThan(Math.abs(ols.coefficients()[0]));
    }

    @Test
    void singularSystemFallsBackToASmallRidge() {
        int n = 20;
        double[][] x = new double[3][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = i;
            x[1][i] = 2 * i;
            x[2][i] = 5;
            y[i] = 1 + 3 * i;
        }
        Frame frame = TestFrames.regression(x, y);
        LinearModel model = new LinearLearner().fit(frame, OPTIONS);
        double[] w = model.coefficients();
        assertThat(w[0] + 2 * w[1]).isCloseTo(3, within(1e-6));
        // the fallback ridge acts on standardised features, whose copies here share the weight equally
        assertThat(w[1]).isCloseTo(w[0] / 2, within(1e-6));
        assertThat(w[2]).isEqualTo(0.0);
        Predictions predictions = model.predict(frame);
        for (int i = 0; i < n; i++) {
            assertThat(predictions.value(i)).isCloseTo(y[i], within(1e-6));
        }
    }

    @Test
    void noFeaturesPredictsTheMean() {
        LinearModel model = new LinearLearner().fit(TestFrames.regression(new double[0][], new double[] {1, 2, 6}), OPTIONS);
        assertThat(model.intercept()).isEqualTo(3.0);
        double[] out = new double[1];
        model.predictRow(new double[0], out);
        assertThat(out[0]).isEqualTo(3.0);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Solves the augmented system {@code a} (rows × rows+1) with partial pivoting. */
    static double[] gaussianElimination(double[][] a) {
        int n = a.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            for (int r = c + 1; r < n; r++) {
                double factor = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= factor * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int k = r + 1; k < n; k++) {
                sum -= a[r][k] * x[k];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
