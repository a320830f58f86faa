package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import org.junit.jupiter.api.Test;

/** The multithreaded objective gives a bit-identical model for any thread count, over many row blocks. */
class LogisticThreadsTest {
    private static LogisticModel fit(Frame frame, Task task, int threads) {
        return new LogisticLearner().fit(frame, new TrainOptions("y", task, 7, threads));
    }

    @Test
    void binaryModelIsBitIdenticalForOneTwoAndThreeThreads() {
        Frame frame = TestFrames.blobs(2, 6 * RowBlocks.BLOCK_ROWS + 123, 11); // 13 blocks, the last one short
        LogisticModel one = fit(frame, Task.BINARY, 1);
        for (int threads : new int[] {2, 3}) {
            LogisticModel many = fit(frame, Task.BINARY, threads);
            assertThat(many.coefficients()).as("%s threads", threads).containsExactly(one.coefficients());
            assertThat(many.intercepts()).as("%s threads", threads).containsExactly(one.intercepts());
        }
    }

    @Test
    void multinomialModelIsBitIdenticalForOneAndFourThreads() {
        Frame frame = TestFrames.blobs(3, 3 * RowBlocks.BLOCK_ROWS + 7, 5);
        LogisticModel one = fit(frame, Task.MULTICLASS, 1);
        LogisticModel four = fit(frame, Task.MULTICLASS, 4);
        assertThat(four.coefficients()).containsExactly(one.coefficients());
        assertThat(four.intercepts()).containsExactly(one.intercepts());
    }

    @Test
    void objectiveValueAndGradientDoNotDependOnTheThreadCount() {
        int n = 5 * RowBlocks.BLOCK_ROWS + 1;
        double[][] columns = new double[3][n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = Math.sin(i);
            columns[1][i] = Math.cos(3.0 * i);
            columns[2][i] = (i % 17) / 17.0 - 0.5;
            labels[i] = (i * 31) % 7 < 3 ? 1 : 0;
        }
        double[] theta = {0.3, -1.2, 0.7, 0.05};
        double[] penalty = {1, 1, 1};
        double[] gradientOne = new double[4];
        double[] gradientTwo = new double[4];
        double valueOne;
        double valueTwo;
        try (RowBlocks rows = new RowBlocks(n, 1)) {
            valueOne = new LogisticObjective(columns, labels, 1, penalty, rows).valueAndGradient(theta, gradientOne);
        }
        try (RowBlocks rows = new RowBlocks(n, 2)) {
            valueTwo = new LogisticObjective(columns, labels, 1, penalty, rows).valueAndGradient(theta, gradientTwo);
        }
        assertThat(valueTwo).isEqualTo(valueOne);
        assertThat(gradientTwo).containsExactly(gradientOne);
    }
}
