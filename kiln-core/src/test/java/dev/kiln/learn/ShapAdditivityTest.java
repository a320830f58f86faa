package dev.kiln.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import dev.kiln.learn.catalog.ModelReaders;
import dev.kiln.learn.forest.ForestLearner;
import dev.kiln.learn.forest.ForestModel;
import dev.kiln.learn.forest.ForestParams;
import dev.kiln.learn.gbm.GbmLearner;
import dev.kiln.learn.gbm.GbmModel;
import dev.kiln.learn.gbm.GbmParams;
import dev.kiln.learn.tree.CartLearner;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TreeSHAP contributions of every tree model sum, with the baseline, to the model's raw output: probabilities for
 * trees and forests, margins for boosting, values for regression. The node covers survive a bundle round trip.
 */
class ShapAdditivityTest {
    private static final double TOLERANCE = 1e-10;

    private static Frame classes(int k, long seed) {
        return classes(k, seed, true);
    }

    /** {@code k} classes from four Gaussian features; x3 is missing on every seventh row when {@code missing}. */
    private static Frame classes(int k, long seed, boolean missing) {
        Random random = new Random(seed);
        int n = 400;
        double[][] x = new double[4][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[j][i] = random.nextGaussian();
            }
            x[3][i] = missing && i % 7 == 0 ? Double.NaN : x[3][i];
            double score = x[0][i] + 0.5 * x[1][i] * x[2][i] + 0.3 * random.nextGaussian();
            y[i] = k == 2 ? (score > 0 ? 1 : 0) : Math.min(k - 1, Math.max(0, (int) Math.floor(score + k / 2.0)));
        }
        return TestFrames.classification(x, y, k);
    }

    /** Checks baseline + Σ contributions = raw output on a few rows of {@code frame}. */
    private static void checkAdditive(Model model, Frame frame, RawOutput raw) {
        Explainable explainable = (Explainable) model;
        int outputs = explainable.explainedOutputs();
        int p = model.features().size();
        FeatureMatrix matrix = FeatureMatrix.of(frame, model.features());
        double[] x = new double[p];
        double[] baseline = new double[outputs];
        double[] phi = new double[p * outputs];
        double[] expected = new double[Math.max(outputs, Math.max(1, model.classes().size()))];
        for (int i = 0; i < matrix.rows(); i += 13) {
            matrix.row(i, x);
            explainable.contributions(x, baseline, phi);
            raw.of(x, expected);
            for (int k = 0; k < outputs; k++) {
                double sum = baseline[k];
                for (int j = 0; j < p; j++) {
                    sum += phi[j * outputs + k];
                }
                assertThat(sum).as("row %s output %s", i, k).isCloseTo(expected[k], within(TOLERANCE));
            }
        }
    }

    interface RawOutput {
        void of(double[] x, double[] out);
    }

    @Test
    void forestsAreAdditiveInProbabilityAndValue() {
        Frame frame = classes(3, 1);
        ForestModel forest = new ForestLearner(ForestParams.defaults(ForestParams.RANDOM_FOREST).withTrees(20))
                .fit(frame, TrainOptions.of("y", Task.MULTICLASS, 3));
        assertThat(forest.outputSpace()).isEqualTo(Explainable.PROBABILITY);
        checkAdditive(forest, frame, forest::predictRow);
        Frame regression = TestFrames.noisyLinear(300, 0.3, 2);
        ForestModel extra = new ForestLearner(ForestParams.defaults(ForestParams.EXTRA_TREES).withTrees(15))
                .fit(regression, TrainOptions.of("y", Task.REGRESSION, 3));
        checkAdditive(extra, regression, extra::predictRow);
    }

    @Test
    void boostingIsAdditiveInItsMargins() {
        for (int k : new int[] {2, 3}) {
            Frame frame = classes(k, 4);
            GbmModel gbm = new GbmLearner(GbmParams.defaults().withTrees(30)).fit(frame,
                    TrainOptions.of("y", k == 2 ? Task.BINARY : Task.MULTICLASS, 5));
            assertThat(gbm.explainedOutputs()).isEqualTo(k == 2 ? 1 : k);
            assertThat(gbm.outputSpace()).isEqualTo(k == 2 ? Explainable.LOG_ODDS : Explainable.SOFTMAX_SCORE);
            checkAdditive(gbm, frame, gbm::rawScores);
        }
        Frame regression = TestFrames.noisyLinear(300, 0.3, 6);
        GbmModel gbm = new GbmLearner(GbmParams.defaults().withTrees(40)).fit(regression, TrainOptions.of("y", Task.REGRESSION, 5));
        checkAdditive(gbm, regression, gbm::predictRow);
    }

    @Test
    void aSingleTreeIsAdditiveInProbabilities() {
        Frame frame = classes(2, 8, false);
        Model tree = new CartLearner().fit(frame, TrainOptions.of("y", Task.BINARY, 1));
        checkAdditive(tree, frame, tree::predictRow);
    }

    @Test
    void coversSurviveTheBundleRoundTripAndOldEnsemblesRefuseToExplain() {
        Frame frame = classes(2, 9);
        GbmModel gbm = new GbmLearner(GbmParams.defaults().withTrees(10)).fit(frame, TrainOptions.of("y", Task.BINARY, 5));
        InMemoryArrays arrays = new InMemoryArrays();
        ObjectNode json = gbm.toJson(arrays);
        GbmModel back = (GbmModel) ModelReaders.read(json.deepCopy(), arrays);
        double[] x = {0.3, -1.0, 2.0, Double.NaN};
        double[] b1 = new double[1];
        double[] b2 = new double[1];
        double[] c1 = new double[4];
        double[] c2 = new double[4];
        gbm.contributions(x, b1, c1);
        back.contributions(x, b2, c2);
        assertThat(c2).containsExactly(c1);
        assertThat(b2).containsExactly(b1);
        ObjectNode old = json.deepCopy();
        ((ObjectNode) old.get("trees")).remove("node_cover");
        ((ObjectNode) old.get("trees")).remove("leaf_cover");
        GbmModel legacy = (GbmModel) ModelReaders.read(old, arrays);
        assertThatThrownBy(() -> legacy.contributions(x, b1, c1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("predates TreeSHAP");
    }
}
