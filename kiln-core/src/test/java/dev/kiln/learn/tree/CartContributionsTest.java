package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path attributions of a CART tree add up to its prediction, and credit only the features it splits on. */
class CartContributionsTest {
    @Test
    void baselinePlusContributionsEqualsThePredictionAndUnusedFeaturesGetNothing() {
        int n = 300;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] noise = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 10;
            b[i] = (i * 7) % 13;
            noise[i] = 0.0;
            y[i] = (a[i] > 4 ? 1 : 0) + (b[i] > 8 ? 1 : 0);
        }
        Frame train = Frame.of(NumericColumn.of("a", a), NumericColumn.of("b", b), NumericColumn.of("constant", noise),
                CategoricalColumn.of("y", y, List.of("low", "mid", "high")));
        CartModel model = new CartLearner().fit(train, TrainOptions.of("y", Task.MULTICLASS, 1));
        double[] baseline = new double[3];
        double[] contributions = new double[3 * 3];
        double[] predicted = new double[3];
        for (int i = 0; i < n; i += 17) {
            double[] x = {a[i], b[i], noise[i]};
            model.contributions(x, baseline, contributions);
            model.predictRow(x, predicted);
            for (int k = 0; k < 3; k++) {
                double sum = baseline[k];
                for (int j = 0; j < 3; j++) {
                    sum += contributions[j * 3 + k];
                }
                assertThat(sum).isCloseTo(predicted[k], within(1e-12));
                assertThat(contributions[2 * 3 + k]).isZero();
            }
            assertThat(baseline).containsExactly(1.0 * count(y, 0) / n, 1.0 * count(y, 1) / n, 1.0 * count(y, 2) / n);
        }
    }

    private static int count(int[] y, int k) {
        int c = 0;
        for (int v : y) {
            c += v == k ? 1 : 0;
        }
        return c;
    }
}
