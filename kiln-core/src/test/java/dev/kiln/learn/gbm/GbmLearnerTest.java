package dev.kiln.learn.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.Frame;
import dev.kiln.learn.InMemoryArrays;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.glm.LinearLearner;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GbmLearnerTest {

    /** {@code y = 3 sin(x0) + x1² + noise}, x uniform on [-3, 3]; x2 is noise. */
    static Frame nonlinear(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[3][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[j][i] = 6 * random.nextDouble() - 3;
            }
            y[i] = 3 * Math.sin(x[0][i]) + x[1][i] * x[1][i] + 0.1 * random.nextGaussian();
        }
        return TestFrames.regression(x, y);
    }

    private static double mse(Predictions predictions, Frame frame) {
        double[] y = frame.numeric("y").toArray();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (predictions.value(i) - y[i]) * (predictions.value(i) - y[i]);
        }
        return sum / y.length;
    }

    @Test
    void fitsANonlinearFunctionMuchBetterThanALinearModel() {
        Frame train = nonlinear(3000, 1);
        Frame test = nonlinear(1000, 2);
        TrainOptions options = new TrainOptions("y", Task.REGRESSION, 1, 1);
        double gbm = mse(new GbmLearner().fit(train, options).predict(test), test);
        double linear = mse(new LinearLearner().fit(train, options).predict(test), test);
        assertThat(gbm).isLessThan(0.1 * linear).isLessThan(0.3);
    }

    @Test
    void everyRegressionLossLearns() {
        Frame train = nonlinear(1000, 3);
        for (String loss : List.of("squared_error", "absolute_error", "huber", "quantile")) {
            GbmModel model = new GbmLearner(GbmParams.defaults().withTrees(40).withLoss(loss).withLearningRate(0.4))
                    .fit(train, new TrainOptions("y", Task.REGRESSION, 1, 1));
            assertThat(mse(model.predict(train), train)).as(loss).isLessThan(1.0);
        }
    }

    @Test
    void earlyStoppingStopsWhenTheHoldoutStopsImproving() {
        Frame train = TestFrames.noisyLinear(1000, 3.0, 4);
        GbmParams params = GbmParams.defaults().withTrees(500).withLearningRate(0.5).withEarlyStopping(5, 0.2);
        GbmModel model = new GbmLearner(params).fit(train, new TrainOptions("y", Task.REGRESSION, 1, 1));
        assertThat(model.rounds()).isBetween(1, 100);
        assertThat(new GbmLearner(params.withEarlyStopping(0, 0.2)).fit(train, new TrainOptions("y", Task.REGRESSION, 1, 1))
                .rounds()).isEqualTo(500);
    }

    /**
     * A binary target on three numeric features (one with missing values) and the eight one-hot indicators of a
     * category, as the preparation encodes categorical columns: the indicators bundle into one packed column.
     */
    static Frame oneHot(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[11][n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int level = random.nextInt(8);
            for (int j = 0; j < 3; j++) {
                x[j][i] = random.nextGaussian();
            }
            x[2][i] = random.nextDouble() < 0.1 ? Double.NaN : x[2][i];
            x[3 + level][i] = 1;
            double z = x[0][i] - 0.5 * x[1][i] + (level % 3 == 0 ? 1.5 : -0.5) + 0.5 * random.nextGaussian();
            labels[i] = z > 0 ? 1 : 0;
        }
        return TestFrames.classification(x, labels, 2);
    }

    private static void assertSameJsonAndArrays(ObjectNodeSupplier first, ObjectNodeSupplier second) {
        InMemoryArrays a = new InMemoryArrays();
        InMemoryArrays b = new InMemoryArrays();
        assertThat(second.toJson(b)).isEqualTo(first.toJson(a));
        assertThat(b.size()).isEqualTo(a.size());
        for (int i = 0; i < a.size(); i++) {
            try {
                assertThat(b.doubles("d" + i)).as("array %s", i).isEqualTo(a.doubles("d" + i));
            } catch (IllegalArgumentException notDoubles) {
                assertThat(b.ints("i" + i)).as("array %s", i).isEqualTo(a.ints("i" + i));
            }
        }
    }

    /** Fits {@code params} on {@code train} with one thread and with two, checks the models are bit-identical, returns one. */
    private static GbmModel sameWithOneAndTwoThreads(Frame train, GbmParams params, Task task, long seed) {
        GbmModel one = new GbmLearner(params).fit(train, new TrainOptions("y", task, seed, 1));
        GbmModel two = new GbmLearner(params).fit(train, new TrainOptions("y", task, seed, 2));
        assertSameJsonAndArrays(one::toJson, two::toJson);
        return one;
    }

    @FunctionalInterface
    private interface ObjectNodeSupplier {
        com.fasterxml.jackson.databind.node.ObjectNode toJson(InMemoryArrays arrays);
    }

    @Test
    void oneHotIndicatorsBundledGiveBitIdenticalModelsWithOneAndTwoThreads() {
        Frame train = oneHot(80_000, 3);
        GbmParams params = GbmParams.defaults().withTrees(6).withTreeShape(6, 63);
        double[] splits = sameWithOneAndTwoThreads(train, params, Task.BINARY, 4).splitImportance();
        double indicatorSplits = 0;
        for (int j = 3; j < 11; j++) {
            indicatorSplits += splits[j];
        }
        assertThat(indicatorSplits).as("the category drives the target").isPositive();
    }

    @Test
    void coversCountedWhileGrowingEqualAWalkOfTheTrainingRows() {
        Frame train = oneHot(30_000, 6);
        GbmModel model = new GbmLearner(GbmParams.defaults().withTrees(5)).fit(train, new TrainOptions("y", Task.BINARY, 2, 2));
        assertThat(model.ensemble().hasCover()).isTrue();
        double[][] columns = new double[11][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = train.numeric(model.features().get(j)).toArray();
        }
        var walked = model.ensemble().withCover(columns, null);
        assertSameJsonAndArrays(model.ensemble()::toJson, walked::toJson);
    }

    @Test
    void squaredErrorOnAllRowsGivesBitIdenticalModelsWithOneAndTwoThreads() {
        // unit hessians, every tree on all rows: the root's counts are copied, medium leaves are built in row blocks
        Frame train = nonlinear(50_000, 11);
        GbmParams params = GbmParams.defaults().withTrees(5).withTreeShape(6, 63);
        sameWithOneAndTwoThreads(train, params, Task.REGRESSION, 3);
    }

    @Test
    void sameSeedGivesBitIdenticalModelsWithOneAndTwoThreads() {
        Frame train = nonlinear(60_000, 5);
        GbmParams params = GbmParams.defaults().withTrees(8).withSampling(0.8, 0.7).withEarlyStopping(3, 0.1);
        sameWithOneAndTwoThreads(train, params, Task.REGRESSION, 9);
    }

    @Test
    void splitsNativelyOnACategoryThatDrivesTheTarget() {
        Random random = new Random(6);
        int n = 3000;
        double[][] x = new double[2][n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextInt(12);
            x[1][i] = random.nextGaussian();
            int category = (int) x[0][i];
            boolean positive = category == 2 || category == 5 || category == 7 || category == 11;
            labels[i] = random.nextDouble() < (positive ? 0.95 : 0.05) ? 1 : 0;
        }
        Frame train = TestFrames.classification(x, labels, 2);
        GbmParams params = GbmParams.defaults().withTrees(1).withLearningRate(1).withTreeShape(1, 2).withCategorical(List.of("x0"));
        GbmModel model = new GbmLearner(params).fit(train, new TrainOptions("y", Task.BINARY, 1, 1));
        assertThat(model.splitImportance()).containsExactly(1.0, 0.0);
        double[] out = new double[2];
        for (int category = 0; category < 12; category++) {
            model.predictRow(new double[] {category, 0}, out);
            boolean positive = category == 2 || category == 5 || category == 7 || category == 11;
            assertThat(out[1] > 0.5).as("category %s", category).isEqualTo(positive);
        }
        assertThatThrownBy(() -> new GbmLearner(params.withCategorical(List.of("nope"))).fit(train, new TrainOptions("y", Task.BINARY, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    }

    @Test
    void missingValuesFollowTheLearnedDirection() {
        Random random = new Random(7);
        int n = 2000;
        double[][] x = new double[1][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean missing = random.nextDouble() < 0.3;
            x[0][i] = missing ? Double.NaN : random.nextDouble();
            y[i] = missing || x[0][i] > 0.5 ? 10 : 0;
        }
        GbmModel model = new GbmLearner(GbmParams.defaults().withTrees(20).withLearningRate(0.5))
                .fit(TestFrames.regression(x, y), new TrainOptions("y", Task.REGRESSION, 1, 1));
        double[] out = new double[1];
        model.predictRow(new double[] {Double.NaN}, out);
        assertThat(out[0]).isGreaterThan(9.5);
        model.predictRow(new double[] {0.2}, out);
        assertThat(out[0]).isLessThan(0.5);
    }

    @Test
    void importancesFavourTheInformativeFeatures() {
        GbmModel model = new GbmLearner().fit(nonlinear(2000, 8), new TrainOptions("y", Task.REGRESSION, 1, 1));
        double[] gain = model.gainImportance();
        assertThat(gain[0]).isGreaterThan(10 * gain[2]);
        assertThat(gain[1]).isGreaterThan(10 * gain[2]);
        assertThat(model.splitImportance()[0]).isPositive();
    }

    @Test
    void multiclassGrowsOneTreePerClassPerRound() {
        GbmModel model = new GbmLearner(GbmParams.defaults().withTrees(10))
                .fit(TestFrames.blobs(3, 100, 9), new TrainOptions("y", Task.MULTICLASS, 1, 1));
        assertThat(model.ensemble().trees()).isEqualTo(30);
        assertThat(model.rounds()).isEqualTo(10);
    }
}
