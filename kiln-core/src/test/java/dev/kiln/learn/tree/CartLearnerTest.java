package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CartLearnerTest {
    private static final TrainOptions BINARY = TrainOptions.of("y", Task.BINARY, 1);
    private static final TrainOptions REGRESSION = TrainOptions.of("y", Task.REGRESSION, 1);

    /** A checkerboard on two features: separable by axis-parallel splits, not by any single one. */
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

    @Test
    void fitsASeparableSetPerfectly() {
        Frame frame = checkerboard(400, 1);
        CartModel model = new CartLearner(new CartParams(20, 2, 1)).fit(frame, BINARY);
        Predictions predictions = model.predict(frame);
        int[] y = frame.categorical("y").toCodes();
        for (int i = 0; i < y.length; i++) {
            assertThat(predictions.classIndex(i)).isEqualTo(y[i]);
            assertThat(predictions.probability(i, y[i])).isEqualTo(1.0);
        }
        CompactTree tree = model.tree();
        for (int node = 0; node < tree.nodeCount(); node++) {
            if (tree.isLeaf(node)) {
                assertThat(tree.value(node, 0) + tree.value(node, 1)).isEqualTo(1.0);
            }
        }
    }

    @Test
    void respectsMaxDepth() {
        Frame frame = checkerboard(400, 2);
        for (int depth = 1; depth <= 4; depth++) {
            CompactTree tree = new CartLearner(new CartParams(depth, 2, 1)).fit(frame, BINARY).tree();
            assertThat(tree.depth()).isEqualTo(depth);
            assertThat(tree.nodeCount()).isLessThanOrEqualTo((1 << (depth + 1)) - 1);
        }
    }

    @Test
    void respectsMinSamplesLeafAndSplit() {
        Frame frame = checkerboard(300, 3);
        CompactTree tree = new CartLearner(new CartParams(30, 40, 15)).fit(frame, BINARY).tree();
        assertThat(tree.nodeCount()).isGreaterThan(1);
        for (int node = 0; node < tree.nodeCount(); node++) {
            assertThat(tree.samples(node)).isGreaterThanOrEqualTo(15);
            if (!tree.isLeaf(node)) {
                assertThat(tree.samples(node)).isGreaterThanOrEqualTo(40);
                assertThat(tree.samples(tree.left(node)) + tree.samples(tree.right(node))).isEqualTo(tree.samples(node));
            }
        }
    }

    @Test
    void regressionTreeFindsAStepAtTheMidpoint() {
        int n = 60;
        double[][] x = new double[1][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = i * 0.1;
            y[i] = x[0][i] < 2.95 ? 1 : 5;
        }
        CompactTree tree = new CartLearner().fit(TestFrames.regression(x, y), REGRESSION).tree();
        assertThat(tree.nodeCount()).isEqualTo(3);
        assertThat(tree.feature(0)).isZero();
        assertThat(tree.threshold(0)).isEqualTo((2.9000000000000004 + 3.0) / 2);
        assertThat(tree.value(tree.left(0), 0)).isEqualTo(1.0);
        assertThat(tree.value(tree.right(0), 0)).isEqualTo(5.0);
        assertThat(tree.samples(tree.left(0))).isEqualTo(30);
    }

    @Test
    void regressionLeavesHoldTheMean() {
        double[][] x = {{1, 2, 3, 10, 11, 12}};
        double[] y = {1, 2, 3, 10, 20, 30};
        CartModel model = new CartLearner(new CartParams(1, 2, 3)).fit(TestFrames.regression(x, y), REGRESSION);
        double[] out = new double[1];
        model.predictRow(new double[] {0}, out);
        assertThat(out[0]).isEqualTo(2.0);
        model.predictRow(new double[] {6.6}, out);
        assertThat(out[0]).isEqualTo(20.0);
        assertThat(model.tree().threshold(0)).isEqualTo(6.5);
    }

    @Test
    void tiesGoToTheLowestFeatureThenTheLowestThreshold() {
        double[] a = {1, 2, 3, 4, 5, 6};
        double[][] twins = {a.clone(), a.clone()};
        int[] y = {0, 0, 1, 1, 0, 0};
        CartModel model = new CartLearner(new CartParams(1, 2, 1)).fit(TestFrames.classification(twins, y, 2), BINARY);
        assertThat(model.tree().feature(0)).isZero();
        assertThat(model.tree().threshold(0)).isEqualTo(2.5);
    }

    @Test
    void pureOrTinyNodesStayLeaves() {
        double[][] x = {{1, 2, 3, 4}};
        CompactTree pure = new CartLearner().fit(TestFrames.classification(x, new int[] {1, 1, 1, 1}, 2), BINARY).tree();
        assertThat(pure.nodeCount()).isEqualTo(1);
        assertThat(pure.value(0, 1)).isEqualTo(1.0);
        CompactTree tiny = new CartLearner().fit(TestFrames.classification(x, new int[] {0, 1, 0, 1}, 2), BINARY).tree();
        assertThat(tiny.nodeCount()).isEqualTo(1);
        assertThat(tiny.value(0, 0)).isEqualTo(0.5);
    }

    @Test
    void missingValuesGoRight() {
        double[][] x = {{1, 2, 3, 4}};
        CartModel model = new CartLearner(new CartParams(3, 2, 1))
                .fit(TestFrames.classification(x, new int[] {0, 0, 1, 1}, 2), BINARY);
        double[] out = new double[2];
        model.predictRow(new double[] {Double.NaN}, out);
        assertThat(out).containsExactly(0.0, 1.0);
    }
}
