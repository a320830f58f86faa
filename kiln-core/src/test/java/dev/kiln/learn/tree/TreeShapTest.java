package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TreeSHAP against Shapley values computed by brute force: every subset S of the features, with E[f(x) | x_S] by
 * the path-dependent rule of Lundberg et al. 2018, Algorithm 1 (follow x on features in S, average both children by
 * cover otherwise), and the Shapley weights |S|! (M - |S| - 1)! / M!.
 */
class TreeShapTest {
    private static final int FEATURES = 4;

    /** y depends on x0 and x1 with an interaction and on x2 a little; x3 is noise; the deep tree reuses features. */
    private static Frame data(Random random, int n) {
        double[][] x = new double[FEATURES][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[j][i] = random.nextDouble();
            }
            y[i] = 3 * x[0][i] * x[1][i] + (x[2][i] > 0.5 ? 1 : 0) + 0.1 * random.nextGaussian();
        }
        return TestFrames.regression(x, y);
    }

    @Test
    void matchesBruteForceShapleyValuesOnADeepTree() {
        Random random = new Random(5);
        CartModel model = new CartLearner(new CartParams(6, 2, 3)).fit(data(random, 300), TrainOptions.of("y", Task.REGRESSION, 1));
        ShapTree tree = new CompactShapTree(model.tree());
        assertThat(tree.depth()).isEqualTo(6);
        double[] baseline = new double[1];
        double[] phi = new double[FEATURES];
        for (int row = 0; row < 20; row++) {
            double[] x = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                x[j] = random.nextDouble();
            }
            model.contributions(x, baseline, phi);
            double[] expected = bruteForce(tree, x);
            for (int j = 0; j < FEATURES; j++) {
                assertThat(phi[j]).as("row %s feature %s", row, j).isCloseTo(expected[j], within(1e-12));
            }
            assertThat(baseline[0]).isCloseTo(conditional(tree, 0, x, 0, 1.0), within(1e-12));
            double[] out = new double[1];
            model.predictRow(x, out);
            assertThat(baseline[0] + phi[0] + phi[1] + phi[2] + phi[3]).isCloseTo(out[0], within(1e-12));
        }
    }

    private static double[] bruteForce(ShapTree tree, double[] x) {
        double[] phi = new double[FEATURES];
        double[] factorial = {1, 1, 2, 6, 24};
        for (int i = 0; i < FEATURES; i++) {
            for (int s = 0; s < 1 << FEATURES; s++) {
                if ((s >> i & 1) != 0) {
                    continue;
                }
                int size = Integer.bitCount(s);
                double weight = factorial[size] * factorial[FEATURES - size - 1] / factorial[FEATURES];
                phi[i] += weight * (conditional(tree, tree.root(), x, s | 1 << i, 1.0) - conditional(tree, tree.root(), x, s, 1.0));
            }
        }
        return phi;
    }

    /** Algorithm 1 of the paper: E[f(x) | x_S] with S the feature bit set {@code subset}. */
    private static double conditional(ShapTree tree, int node, double[] x, int subset, double weight) {
        if (tree.isLeaf(node)) {
            return weight * tree.value(node, 0);
        }
        if ((subset >> tree.feature(node) & 1) != 0) {
            return conditional(tree, tree.next(node, x), x, subset, weight);
        }
        double cover = tree.cover(node);
        return conditional(tree, tree.left(node), x, subset, weight * tree.cover(tree.left(node)) / cover)
                + conditional(tree, tree.right(node), x, subset, weight * tree.cover(tree.right(node)) / cover);
    }
}
