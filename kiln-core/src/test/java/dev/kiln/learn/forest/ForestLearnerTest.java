package dev.kiln.learn.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.learn.InMemoryArrays;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForestLearnerTest {

    @Test
    void outOfBagScoresAreSane() {
        ForestModel classifier = new ForestLearner(ForestParams.defaults("random_forest").withTrees(30))
                .fit(TestFrames.blobs(3, 100, 1), new TrainOptions("y", Task.MULTICLASS, 1, 2));
        assertThat(classifier.oobScore()).isBetween(0.9, 1.0);
        ForestModel regressor = new ForestLearner(ForestParams.defaults("random_forest").withTrees(30))
                .fit(TestFrames.noisyLinear(400, 0.5, 2), new TrainOptions("y", Task.REGRESSION, 1, 2));
        assertThat(regressor.oobScore()).isBetween(0.8, 1.0);
        ForestModel extra = new ForestLearner(ForestParams.defaults("extra_trees").withTrees(10))
                .fit(TestFrames.noisyLinear(400, 0.5, 2), new TrainOptions("y", Task.REGRESSION, 1, 2));
        assertThat(extra.oobScore()).isNaN();
    }

    @Test
    void probabilitiesAreMeansOfLeafDistributions() {
        ForestModel model = new ForestLearner(ForestParams.defaults("random_forest").withTrees(20).withMaxDepth(2))
                .fit(TestFrames.blobs(2, 100, 3), new TrainOptions("y", Task.BINARY, 1, 1));
        double[] out = new double[2];
        model.predictRow(new double[] {0.3, 0.1}, out);
        assertThat(out[0] + out[1]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(model.ensemble().trees()).isEqualTo(20);
    }

    @Test
    void sameSeedGivesBitIdenticalForestsWithOneAndThreeThreads() {
        var learner = new ForestLearner(ForestParams.defaults("extra_trees").withTrees(12).withMaxFeatures("0.5"));
        var data = TestFrames.noisyLinear(3000, 0.5, 4);
        ForestModel one = learner.fit(data, new TrainOptions("y", Task.REGRESSION, 5, 1));
        ForestModel three = learner.fit(data, new TrainOptions("y", Task.REGRESSION, 5, 3));
        assertThat(three.toJson(new InMemoryArrays())).isEqualTo(one.toJson(new InMemoryArrays()));
        assertThat(three.predict(data).values()).isEqualTo(one.predict(data).values());
    }

    @Test
    void maxFeaturesAcceptsNamesAndFractions() {
        assertThat(ForestParams.defaults("random_forest").featuresPerNode(30, true)).isEqualTo(5);
        assertThat(ForestParams.defaults("random_forest").featuresPerNode(30, false)).isEqualTo(30);
        assertThat(ForestParams.fromMap("extra_trees", Map.of("max_features", "log2")).featuresPerNode(32, true)).isEqualTo(5);
        assertThat(ForestParams.fromMap("extra_trees", Map.of("max_features", "0.5")).featuresPerNode(30, true)).isEqualTo(15);
        assertThatThrownBy(() -> ForestParams.fromMap("random_forest", Map.of("max_features", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_features");
        assertThatThrownBy(() -> ForestParams.fromMap("random_forest", Map.of("bootstrap", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap");
    }
}
