package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KnnLearnerTest {
    private static final double[][] X = {{0, 1, 2, 10}};

    /** Query 1.4 against 0, 1, 2, 10: the three nearest are rows 1 (0.4), 2 (0.6) and 0 (1.4). */
    @Test
    void tinyClassificationByHand() {
        Frame frame = TestFrames.classification(X, new int[] {0, 0, 1, 1}, 2);
        double[] out = new double[2];
        KnnModel uniform = fit(frame, Task.BINARY, Map.of("k", "3", "standardize", "false"));
        uniform.predictRow(new double[] {1.4}, out);
        assertThat(out).containsExactly(new double[] {2.0 / 3, 1.0 / 3}, within(1e-15));
        KnnModel weighted = fit(frame, Task.BINARY, Map.of("k", "3", "standardize", "false", "weights", "distance"));
        weighted.predictRow(new double[] {1.4}, out);
        double a = 1 / 0.4 + 1 / 1.4;
        double b = 1 / 0.6;
        assertThat(out).containsExactly(new double[] {a / (a + b), b / (a + b)}, within(1e-12));
        weighted.predictRow(new double[] {2}, out);
        assertThat(out).as("a row at distance 0 takes all the weight").containsExactly(0, 1);
    }

    @Test
    void tiesGoToTheLowerTrainingRow() {
        Frame frame = TestFrames.classification(X, new int[] {1, 0, 0, 1}, 2);
        double[] out = new double[2];
        for (String algorithm : new String[] {"kd_tree", "brute"}) {
            KnnModel model = fit(frame, Task.BINARY, Map.of("k", "1", "standardize", "false", "algorithm", algorithm));
            model.predictRow(new double[] {0.5}, out);
            assertThat(out).as(algorithm).containsExactly(0, 1);
        }
    }

    @Test
    void tinyRegressionByHand() {
        Frame frame = TestFrames.regression(X, new double[] {0, 1, 2, 10});
        double[] out = new double[1];
        fit(frame, Task.REGRESSION, Map.of("k", "3", "standardize", "false")).predictRow(new double[] {1.4}, out);
        assertThat(out[0]).isCloseTo(1, within(1e-15));
        fit(frame, Task.REGRESSION, Map.of("k", "9", "standardize", "false")).predictRow(new double[] {1.4}, out);
        assertThat(out[0]).as("k above the row count uses every row").isCloseTo(13.0 / 4, within(1e-15));
    }

    /** Integer grid values make many equal distances: the tree must find exactly what brute force finds. */
    @Test
    void kdTreeAgreesWithBruteForceBitForBit() {
        Random random = new Random(3);
        int n = 500;
        double[][] columns = new double[3][n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                columns[j][i] = random.nextInt(6);
            }
            codes[i] = random.nextInt(3);
        }
        Frame frame = TestFrames.classification(columns, codes, 3);
        for (String weights : new String[] {"uniform", "distance"}) {
            Map<String, String> base = Map.of("k", "7", "weights", weights, "leaf_size", "4");
            KnnModel tree = fit(frame, Task.MULTICLASS, with(base, "algorithm", "kd_tree"));
            KnnModel brute = fit(frame, Task.MULTICLASS, with(base, "algorithm", "brute"));
            assertThat(tree.usesKdTree()).isTrue();
            assertThat(brute.usesKdTree()).isFalse();
            Predictions a = tree.predict(frame);
            Predictions b = brute.predict(frame);
            for (int k = 0; k < 3; k++) {
                assertThat(a.probabilitiesOf(k)).isEqualTo(b.probabilitiesOf(k));
            }
        }
    }

    @Test
    void autoPicksTheTreeInLowDimensionOnly() {
        assertThat(KnnParams.defaults().usesKdTree(15)).isTrue();
        assertThat(KnnParams.defaults().usesKdTree(16)).isFalse();
        assertThat(KnnParams.defaults().withAlgorithm("brute").usesKdTree(2)).isFalse();
        assertThatThrownBy(() -> KnnParams.fromMap(Map.of("weights", "gaussian"))).hasMessageContaining("weights");
        assertThatThrownBy(() -> KnnParams.fromMap(Map.of("algorithm", "ball_tree"))).hasMessageContaining("algorithm");
        assertThatThrownBy(() -> KnnParams.fromMap(Map.of("standardize", "maybe"))).hasMessageContaining("standardize");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var out = new java.util.HashMap<>(base);
        out.put(key, value);
        return out;
    }

    private static KnnModel fit(Frame frame, Task task, Map<String, String> params) {
        return new KnnLearner(KnnParams.fromMap(params)).fit(frame, new TrainOptions("y", task, 1, 1));
    }
}
