package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Model;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.glm.LinearLearner;
import dev.kiln.learn.glm.LogisticLearner;
import dev.kiln.learn.tree.CartLearner;
import dev.kiln.learn.tree.CartParams;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Permutation importance, partial dependence and learning curves on data whose answer is known. */
class InterpretabilityTest {
    private static final TrainOptions REGRESSION = TrainOptions.of("y", Task.REGRESSION, 1);

    /** y = 1 + 2 x0 - x1 + 0.5 x2 + noise, plus a column of pure noise. */
    private static Frame linear(int n, long seed) {
        Random random = new Random(seed + 100);
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = random.nextGaussian();
        }
        return TestFrames.noisyLinear(n, 0.1, seed).with(NumericColumn.of("noise", noise));
    }

    @Test
    void permutationImportanceRanksByEffectAndIsTheSameOnAnyPool() {
        Frame train = linear(400, 1);
        Frame test = linear(300, 2);
        Model model = new LinearLearner().fit(train, REGRESSION);
        Truth truth = Truth.ofValues(test.numeric("y").toArray());
        List<String> columns = List.of("x0", "x1", "x2", "noise");
        List<FeatureImportance> sequential = PermutationImportance.of(model::predict, test, columns, truth, Metric.RMSE, 3, 7, null);
        assertThat(sequential).extracting(FeatureImportance::feature).containsExactly("x0", "x1", "x2", "noise");
        assertThat(sequential.get(0).mean()).isGreaterThan(2.0);
        assertThat(Math.abs(sequential.get(3).mean())).isLessThan(0.01);
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            assertThat(PermutationImportance.of(model::predict, test, columns, truth, Metric.RMSE, 3, 7, pool)).isEqualTo(sequential);
        } finally {
            pool.shutdown();
        }
        assertThat(PermutationImportance.of(model::predict, test, columns, truth, Metric.RMSE, 3, 8, null)).isNotEqualTo(sequential);
    }

    @Test
    void partialDependenceOfALinearModelIsItsSlope() {
        Frame train = linear(400, 3);
        Model model = new LinearLearner().fit(train, REGRESSION);
        PartialDependence pd = PartialDependence.of(model::predict, train, "x1", 10);
        double[] grid = pd.values();
        double[][] average = pd.average();
        assertThat(grid).hasSize(10);
        assertThat(grid[0]).isCloseTo(-3 + 6 * 0.05, within(0.3));
        for (int g = 1; g < grid.length; g++) {
            double slope = (average[g][0] - average[g - 1][0]) / (grid[g] - grid[g - 1]);
            assertThat(slope).isCloseTo(-1.0, within(0.05));
        }
        assertThat(pd.outputs()).containsExactly("prediction");
    }

    @Test
    void learningCurveCallsADeepTreeOnNoisyLabelsOverfitting() {
        LearningCurve curve = curve(noisyLabels(600, 4), new CartLearner(new CartParams(30, 2, 1)));
        assertThat(curve.points()).hasSize(5);
        assertThat(curve.points().get(4).trainScore()).isGreaterThan(0.95);
        assertThat(curve.verdict().kind()).isEqualTo(FitVerdict.OVERFITTING);
        assertThat(curve.verdict().message()).startsWith("overfitting").contains("accuracy");
    }

    @Test
    void learningCurveCallsAStumpOnACheckerboardUnderfitting() {
        LearningCurve curve = curve(checkerboard(600, 5), new CartLearner(new CartParams(1, 2, 1)));
        assertThat(curve.verdict().kind()).isEqualTo(FitVerdict.UNDERFITTING);
    }

    @Test
    void learningCurveCallsLogisticOnALinearBoundaryAGoodFit() {
        LearningCurve curve = curve(noisyLabels(600, 6), new LogisticLearner());
        assertThat(curve.verdict().kind()).isEqualTo(FitVerdict.GOOD_FIT);
        assertThat(curve.points()).extracting(LearningCurve.Point::trainRows).containsExactly(40, 130, 220, 310, 400);
        assertThat(curve(noisyLabels(600, 6), new LogisticLearner())).isEqualTo(curve);
    }

    /** Learning curve of {@code learner} with the first two thirds of {@code frame} for training, the rest for validation. */
    private static LearningCurve curve(Frame frame, dev.kiln.learn.Learner<?> learner) {
        int n = frame.rowCount();
        int[] trainRows = new int[n * 2 / 3];
        int[] validationRows = new int[n - trainRows.length];
        for (int i = 0; i < n; i++) {
            if (i < trainRows.length) {
                trainRows[i] = i;
            } else {
                validationRows[i - trainRows.length] = i;
            }
        }
        Frame train = frame.take(trainRows);
        Frame validation = frame.take(validationRows);
        TrainOptions options = TrainOptions.of("y", Task.BINARY, 1);
        LearningCurve.Fitter fitter = rows -> {
            Model model = learner.fit(train.take(rows), options);
            return new LearningCurve.Predictor() {
                @Override
                public dev.kiln.learn.Predictions predictTrain(int[] at) {
                    return model.predict(train.take(at));
                }

                @Override
                public dev.kiln.learn.Predictions predictValidation() {
                    return model.predict(validation);
                }
            };
        };
        return LearningCurve.of(fitter, Truth.ofClasses(train.categorical("y").toCodes()),
                Truth.ofClasses(validation.categorical("y").toCodes()), Task.BINARY, List.of("c0", "c1"), Metric.ACCURACY, 11);
    }

    /** y = [x0 + x1 > 0] with 15% of labels flipped. */
    private static Frame noisyLabels(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextGaussian();
            x[1][i] = random.nextGaussian();
            y[i] = (x[0][i] + x[1][i] > 0) ^ random.nextDouble() < 0.15 ? 1 : 0;
        }
        return TestFrames.classification(x, y, 2);
    }

    private static Frame checkerboard(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 4 * random.nextDouble();
            x[1][i] = 4 * random.nextDouble();
            y[i] = ((int) x[0][i] + (int) x[1][i]) % 2;
        }
        return TestFrames.classification(x, y, 2);
    }
}
