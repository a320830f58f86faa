package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElasticNetTest {
    private static final TrainOptions OPTIONS = new TrainOptions("y", Task.REGRESSION, 3, 1);

    /** Columns 1..p of the 16 × 16 Sylvester–Hadamard matrix: ±1, mean 0, orthogonal. */
    private static double[][] hadamardColumns(int p, double[] scales) {
        int n = 16;
        double[][] x = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                x[j][i] = scales[j] * (Integer.bitCount(i & (j + 1)) % 2 == 0 ? 1 : -1);
            }
        }
        return x;
    }

    @Test
    void lassoOnAnOrthogonalDesignIsTheSoftThresholdedLeastSquaresSolution() {
        double[] scales = {1, 2, 0.5, 3, 1};
        double[][] x = hadamardColumns(5, scales);
        int n = 16;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 4 + 1.5 * x[0][i] - 0.8 * x[1][i] + 0.05 * x[2][i] + 0.3 * x[3][i] + Math.sin(i);
        }
        for (double l1Ratio : new double[] {1, 0.6}) {
            double alpha = 0.4;
            LinearModel model = new LinearLearner(LinearParams.defaults().withAlpha(alpha).withL1Ratio(l1Ratio))
                    .fit(TestFrames.regression(x, y), OPTIONS);
            double yMean = mean(y);
            double intercept = yMean;
            for (int j = 0; j < 5; j++) {
                double c = scales[j];
                double correlation = 0;
                for (int i = 0; i < n; i++) {
                    correlation += x[j][i] * (y[i] - yMean) / n;
                }
                // (1/2n)‖y - Xw‖² + αρ|w| + ½α(1-ρ)w² per coordinate, with x_jᵀx_j / n = c²
                double expected = Vectors.softThreshold(correlation, alpha * l1Ratio) / (c * c + alpha * (1 - l1Ratio));
                assertThat(model.coefficients()[j]).as("w%s at l1_ratio %s", j, l1Ratio).isCloseTo(expected, within(1e-9));
                intercept -= expected * mean(x[j]);
            }
            assertThat(model.intercept()).isCloseTo(intercept, within(1e-9));
            assertThat(model.alpha()).isEqualTo(alpha);
        }
    }

    /** The design of the scikit-learn comparison: 40 rows, x_ij = sin(0.7 i (j+1) + j)(j+1) + 0.1 j. */
    private static Frame sklearnDesign() {
        int n = 40;
        int p = 5;
        double[][] x = new double[p][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j][i] = Math.sin(0.7 * i * (j + 1) + j) * (j + 1) + 0.1 * j;
            }
            y[i] = 3 * x[0][i] - 2 * x[1][i] + 0.5 * x[3][i] + Math.cos(1.3 * i);
        }
        return TestFrames.regression(x, y);
    }

    @Test
    void elasticNetMatchesScikitLearn() {
        // /usr/bin/python3, scikit-learn 1.2.1: ElasticNet(alpha=a, l1_ratio=r, tol=1e-14, max_iter=1000000).fit(X, y)
        // on sklearnDesign(); coef_ and intercept_ pasted.
        Object[][] cases = {
            {0.1, 0.5, new double[] {2.6284799234104668, -1.892635740279069, 0.0015827318444203758, 0.48179218908700877,
                -0.0035279732271047983}, 0.04940780500438634},
            {0.3, 1.0, new double[] {2.39567900131812, -1.821153751383528, 0.0, 0.45391760838925416, 0.0}, 0.06324820343001461},
            {1.0, 0.2, new double[] {1.0131820777973128, -1.3639443764447075, 0.0, 0.40818183347739595, -0.014884512842480204},
                0.12358923164638891},
        };
        for (Object[] c : cases) {
            LinearParams params = LinearParams.defaults().withAlpha((double) c[0]).withL1Ratio((double) c[1]);
            LinearModel model = new LinearLearner(new LinearParams(0, params.alpha(), params.l1Ratio(), 0, 100, 1e-3, 100_000, 1e-14))
                    .fit(sklearnDesign(), OPTIONS);
            double[] expected = (double[]) c[2];
            assertThat(model.coefficients()).as("alpha %s l1_ratio %s", c[0], c[1]).containsExactly(expected, within(1e-7));
            for (int j = 0; j < expected.length; j++) {
                assertThat(model.coefficients()[j] == 0).as("zero pattern of w%s", j).isEqualTo(expected[j] == 0);
            }
            assertThat(model.intercept()).isCloseTo((double) c[3], within(1e-7));
        }
    }

    @Test
    void solutionsMeetTheOptimalityConditionsWithEitherUpdateRule() {
        for (int[] shape : new int[][] {{120, 8}, {25, 60}}) { // rows > features: covariance updates; fewer: residual updates
            int n = shape[0];
            int p = shape[1];
            Random random = new Random(n);
            double[][] x = new double[p][n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    x[j][i] = random.nextGaussian() * (1 + j % 3) + (j == 1 ? x[0][i] : 0);
                }
                y[i] = 2 * x[0][i] - x[2][i] + 0.5 * x[5][i] + random.nextGaussian();
            }
            double alpha = 0.08;
            double rho = 0.7;
            LinearModel model = new LinearLearner(new LinearParams(0, alpha, rho, 0, 50, 1e-3, 100_000, 1e-16))
                    .fit(TestFrames.regression(x, y), OPTIONS);
            double[] w = model.coefficients();
            double[] residual = new double[n];
            for (int i = 0; i < n; i++) {
                residual[i] = y[i] - model.intercept();
                for (int j = 0; j < p; j++) {
                    residual[i] -= w[j] * x[j][i];
                }
            }
            assertThat(mean(residual)).isCloseTo(0, within(1e-9));
            int nonzero = 0;
            for (int j = 0; j < p; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += x[j][i] * residual[i] / n;
                }
                double smooth = g - alpha * (1 - rho) * w[j];
                if (w[j] != 0) {
                    nonzero++;
                    assertThat(smooth).as("stationarity of w%s (%s x %s)", j, n, p).isCloseTo(alpha * rho * Math.signum(w[j]), within(1e-6));
                } else {
                    assertThat(Math.abs(g)).as("zero w%s (%s x %s)", j, n, p).isLessThanOrEqualTo(alpha * rho + 1e-6);
                }
            }
            assertThat(nonzero).isBetween(3, p - 1);
        }
    }

    @Test
    void crossValidationChoosesAPenaltyOnThePathAndDropsNoiseFeatures() {
        int n = 300;
        int p = 8;
        Random random = new Random(11);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j][i] = random.nextGaussian();
            }
            y[i] = 1 + 3 * x[0][i] - 2 * x[1][i] + x[2][i] + 0.5 * random.nextGaussian();
        }
        Frame frame = TestFrames.regression(x, y);
        LinearLearner learner = new LinearLearner(LinearParams.fromMap(Map.of("cv_folds", "5", "l1_ratio", "1")));
        LinearModel one = learner.fit(frame, new TrainOptions("y", Task.REGRESSION, 5, 1));
        LinearModel three = learner.fit(frame, new TrainOptions("y", Task.REGRESSION, 5, 3));
        assertThat(three.coefficients()).isEqualTo(one.coefficients());
        assertThat(three.alpha()).isEqualTo(one.alpha());
        assertThat(one.alpha()).isGreaterThan(0).isLessThan(0.2);
        assertThat(one.coefficients()[0]).isCloseTo(3, within(0.1));
        assertThat(one.coefficients()[1]).isCloseTo(-2, within(0.1));
        assertThat(one.coefficients()[2]).isCloseTo(1, within(0.1));
        double noise = 0;
        for (int j = 3; j < p; j++) {
            noise += Math.abs(one.coefficients()[j]);
        }
        assertThat(noise).isLessThan(0.1);
    }

    @Test
    void aPenaltyAboveTheLargestUsefulOneGivesTheMeanAlone() {
        Frame frame = TestFrames.noisyLinear(50, 1.0, 3);
        LinearModel model = new LinearLearner(LinearParams.defaults().withAlpha(1e6).withL1Ratio(1)).fit(frame, OPTIONS);
        assertThat(model.coefficients()).containsOnly(0.0);
        assertThat(model.intercept()).isCloseTo(mean(frame.numeric("y").toArray()), within(1e-12));
        assertThat(model.nonzeroCoefficients()).isZero();
    }

    @Test
    void foldsAreBalancedAndSeeded() {
        int[] folds = ElasticNet.assignFolds(103, 5, 9);
        int[] counts = new int[5];
        for (int f : folds) {
            counts[f]++;
        }
        assertThat(counts).containsOnly(20, 21);
        assertThat(ElasticNet.assignFolds(103, 5, 9)).isEqualTo(folds);
        assertThat(ElasticNet.assignFolds(103, 5, 10)).isNotEqualTo(folds);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
