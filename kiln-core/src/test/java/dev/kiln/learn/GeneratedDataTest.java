package dev.kiln.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.glm.LinearLearner;
import dev.kiln.learn.glm.LinearModel;
import dev.kiln.learn.glm.LogisticLearner;
import dev.kiln.learn.glm.LogisticModel;
import dev.kiln.learn.tree.CartLearner;
import dev.kiln.learn.tree.CartModel;
import dev.kiln.learn.tree.CartParams;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The learners on realistic data generated here from known models (no files from outside the repo):
 * loan defaults, house prices and three species. Held-out quality is checked against what the
 * generating model allows.
 */
class GeneratedDataTest {
    private static final int TRAIN = 2000;
    private static final int TEST = 1000;

    /** Loan defaults from a known logistic model; column "p" holds the true default probability. */
    private static Frame loans(long seed) {
        Random random = new Random(seed);
        int n = TRAIN + TEST;
        double[] income = new double[n];
        double[] age = new double[n];
        double[] debtRatio = new double[n];
        double[] late = new double[n];
        double[] noise = new double[n];
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            income[i] = Math.exp(10.8 + 0.5 * random.nextGaussian());
            age[i] = 18 + 57 * random.nextDouble();
            debtRatio[i] = Math.pow(random.nextDouble(), 2);
            late[i] = Math.floor(-Math.log(1 - random.nextDouble()) * 1.5);
            noise[i] = random.nextGaussian();
            double logit = -1.5 + 3.2 * debtRatio[i] + 0.5 * late[i] - 2e-5 * (income[i] - 50_000) - 0.02 * (age[i] - 45);
            p[i] = 1 / (1 + Math.exp(-logit));
            y[i] = random.nextDouble() < p[i] ? 1 : 0;
        }
        return Frame.of(NumericColumn.of("income", income), NumericColumn.of("age", age),
                NumericColumn.of("debt_ratio", debtRatio), NumericColumn.of("late_payments", late),
                NumericColumn.of("noise", noise), NumericColumn.of("p", p),
                CategoricalColumn.of("default", y, List.of("no", "yes")));
    }

    @Test
    void loanDefaultsComeCloseToTheBayesRate() {
        Frame all = loans(2024);
        Frame train = all.take(range(0, TRAIN)).drop(List.of("p"));
        Frame test = all.take(range(TRAIN, TRAIN + TEST));
        double[] truth = test.numeric("p").toArray();
        double bayes = 0;
        for (double p : truth) {
            bayes += Math.max(p, 1 - p) / truth.length;
        }
        TrainOptions options = TrainOptions.of("default", Task.BINARY, 1);
        LogisticModel logistic = new LogisticLearner().fit(train, options);
        assertThat(logistic.features()).containsExactly("income", "age", "debt_ratio", "late_payments", "noise");
        double[] w = logistic.coefficients();
        assertThat(w[2]).isCloseTo(3.2, within(0.8));
        assertThat(w[3]).isCloseTo(0.5, within(0.15));
        assertThat(w[0]).isNegative();
        assertThat(Math.abs(w[4])).isLessThan(0.2);
        assertThat(accuracy(logistic.predict(test), test, "default")).isGreaterThan(bayes - 0.03);

        CartModel tree = new CartLearner(CartParams.defaults().withMaxDepth(4).withMinSamplesLeaf(30)).fit(train, options);
        assertThat(accuracy(tree.predict(test), test, "default")).isGreaterThan(bayes - 0.06);
    }

    @Test
    void housePricesAreLinearToTheNoise() {
        Random random = new Random(7);
        int n = TRAIN + TEST;
        double[] area = new double[n];
        double[] rooms = new double[n];
        double[] age = new double[n];
        double[] price = new double[n];
        for (int i = 0; i < n; i++) {
            area[i] = 40 + 160 * random.nextDouble();
            rooms[i] = Math.max(1, Math.round(area[i] / 30 + random.nextGaussian()));
            age[i] = 80 * random.nextDouble();
            price[i] = 50_000 + 1_200 * area[i] + 10_000 * rooms[i] - 800 * age[i] + 20_000 * random.nextGaussian();
        }
        Frame all = Frame.of(NumericColumn.of("area", area), NumericColumn.of("rooms", rooms),
                NumericColumn.of("age", age), NumericColumn.of("price", price));
        Frame train = all.take(range(0, TRAIN));
        Frame test = all.take(range(TRAIN, TRAIN + TEST));
        TrainOptions options = TrainOptions.of("price", Task.REGRESSION, 1);
        LinearModel linear = new LinearLearner().fit(train, options);
        double[] w = linear.coefficients();
        assertThat(w[0]).isCloseTo(1_200, within(150.0));
        assertThat(w[1]).isCloseTo(10_000, within(2_500.0));
        assertThat(w[2]).isCloseTo(-800, within(60.0));
        double linearRmse = rmse(linear.predict(test), test, "price");
        assertThat(linearRmse).isCloseTo(20_000, within(1_500.0));
        CartModel tree = new CartLearner().fit(train, options);
        assertThat(rmse(tree.predict(test), test, "price")).isGreaterThan(linearRmse).isLessThan(40_000);
    }

    @Test
    void treeBeatsLinearOnANonlinearSurface() {
        Random random = new Random(11);
        int n = TRAIN + TEST;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = 6 * random.nextDouble() - 3;
            x1[i] = 4 * random.nextDouble() - 2;
            y[i] = 3 * Math.sin(2 * x0[i]) + x1[i] * x1[i] + 0.3 * random.nextGaussian();
        }
        Frame all = Frame.of(NumericColumn.of("x0", x0), NumericColumn.of("x1", x1), NumericColumn.of("y", y));
        Frame train = all.take(range(0, TRAIN));
        Frame test = all.take(range(TRAIN, TRAIN + TEST));
        TrainOptions options = TrainOptions.of("y", Task.REGRESSION, 1);
        double linear = rmse(new LinearLearner().fit(train, options).predict(test), test, "y");
        double tree = rmse(new CartLearner().fit(train, options).predict(test), test, "y");
        assertThat(tree).isLessThan(0.6).isLessThan(linear / 3);
    }

    @Test
    void threeSpeciesAreSeparatedByBothClassifiers() {
        Random random = new Random(3);
        double[][] centres = {{5.0, 3.4, 1.5, 0.2}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.6, 2.0}};
        double[] spread = {0.4, 0.3, 0.4, 0.2};
        int n = TRAIN + TEST;
        double[][] x = new double[4][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(3);
            for (int j = 0; j < 4; j++) {
                x[j][i] = centres[y[i]][j] + spread[j] * random.nextGaussian();
            }
        }
        Frame all = TestFrames.classification(x, y, 3);
        Frame train = all.take(range(0, TRAIN));
        Frame test = all.take(range(TRAIN, TRAIN + TEST));
        TrainOptions options = TrainOptions.of("y", Task.MULTICLASS, 1);
        assertThat(accuracy(new LogisticLearner().fit(train, options).predict(test), test, "y")).isGreaterThan(0.93);
        assertThat(accuracy(new CartLearner().fit(train, options).predict(test), test, "y")).isGreaterThan(0.9);
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    private static double accuracy(Predictions predictions, Frame frame, String target) {
        int[] y = frame.categorical(target).toCodes();
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            correct += predictions.classIndex(i) == y[i] ? 1 : 0;
        }
        return (double) correct / y.length;
    }

    private static double rmse(Predictions predictions, Frame frame, String target) {
        double[] y = frame.numeric(target).toArray();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = predictions.value(i) - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum / y.length);
    }
}
