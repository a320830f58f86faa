package dev.kiln.learn.gbm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.Task;
import dev.kiln.learn.tree.TreeEnsemble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The branch-free walk of a numeric GBM reaches the leaves that the node-by-node walk reaches, NaN
 * default directions (both ways) and ties with thresholds included, so batch and one-row predictions keep their bits.
 */
class BranchFreeWalkTest {

    @Test
    void walksReachTheSameLeavesAsNodeByNode() {
        int n = 3000;
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[4][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                // few distinct values, so rows hit thresholds exactly; NaN in two columns, more often at high y
                x[j][i] = Math.floor(random.nextDouble(-3, 3) * 4) / 4;
            }
            y[i] = x[0][i] * x[1][i] + Math.sin(x[2][i]) + 0.1 * random.nextGaussian();
            if (random.nextInt(10) == 0) {
                x[1][i] = Double.NaN;
            }
            if (y[i] > 1 && random.nextInt(3) == 0) {
                x[3][i] = Double.NaN;
            }
        }
        Frame train = TestFrames.regression(x, y);
        GbmModel model = new GbmLearner(GbmParams.defaults().withTrees(40).withTreeShape(6, 31))
                .fit(train, TrainOptions.of("y", Task.REGRESSION, 1));
        TreeEnsemble trees = model.ensemble();
        assertThat(trees.isBranchFree()).isTrue();
        assertThat(trees.isCoded()).isTrue();
        Predictions batch = model.predict(train);
        double[] row = new double[4];
        double[] out = new double[1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                row[j] = x[j][i];
            }
            double sum = 0;
            for (int t = 0; t < trees.trees(); t++) {
                sum += trees.value(trees.leaf(t, row), 0);
            }
            double walked = trees.accumulate(0, row, 0, 1, trees.trees());
            assertThat(Double.compare(walked, sum)).as("row %d: %s vs %s", i, walked, sum).isZero();
            model.predictRow(row, out);
            assertThat(Double.compare(out[0], batch.value(i))).as("row %d", i).isZero();
        }
    }
}
