package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import dev.kiln.learn.InMemoryArrays;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.learn.catalog.ModelReaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnsembleModelTest {
    private static final Frame BLOBS = TestFrames.blobs(3, 40, 5);
    private static final TrainOptions OPTIONS = new TrainOptions("y", Task.MULTICLASS, 3, 1);

    private static EnsembleModel fitted() {
        List<Learner<?>> members = List.of(Learners.create("logistic", Map.of()), Learners.create("tree", Map.of("max_depth", "3")));
        return new EnsembleLearner(members, List.of("logistic", "tree(max_depth=3)"), new double[] {3, 1}).fit(BLOBS, OPTIONS);
    }

    @Test
    void averagesTheMembersProbabilitiesByWeight() {
        EnsembleModel ensemble = fitted();
        Frame features = BLOBS.drop(List.of("y"));
        Predictions blend = ensemble.predict(features);
        Predictions a = ensemble.members().get(0).predict(features);
        Predictions b = ensemble.members().get(1).predict(features);
        for (int i = 0; i < 10; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(blend.probability(i, c)).isEqualTo(0.75 * a.probability(i, c) + 0.25 * b.probability(i, c));
            }
        }
        assertThat(ensemble.weights()).containsExactly(0.75, 0.25);
    }

    @Test
    void theSingleRowPathMatchesTheBatch() {
        EnsembleModel ensemble = fitted();
        Frame features = BLOBS.drop(List.of("y"));
        Predictions batch = ensemble.predict(features);
        double[] x = new double[ensemble.features().size()];
        double[] out = new double[3];
        for (int i = 0; i < features.rowCount(); i++) {
            for (int j = 0; j < x.length; j++) {
                x[j] = features.numeric(ensemble.features().get(j)).get(i);
            }
            ensemble.predictRow(x, out);
            for (int c = 0; c < 3; c++) {
                assertThat(out[c]).isEqualTo(batch.probability(i, c));
            }
        }
    }

    @Test
    void aBundleRoundTripGivesBitIdenticalPredictions() throws Exception {
        EnsembleModel ensemble = fitted();
        InMemoryArrays arrays = new InMemoryArrays();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(mapper.writeValueAsString(ensemble.toJson(arrays)));
        Model loaded = ModelReaders.read(json, arrays);
        assertThat(loaded).isInstanceOf(EnsembleModel.class);
        Frame features = BLOBS.drop(List.of("y"));
        Predictions before = ensemble.predict(features);
        Predictions after = loaded.predict(features);
        for (int i = 0; i < features.rowCount(); i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(after.probability(i, c)).isEqualTo(before.probability(i, c));
            }
        }
        assertThat(((EnsembleModel) loaded).weights()).containsExactly(ensemble.weights());
    }

    @Test
    void regressionEnsemblesAverageValues() {
        Frame frame = TestFrames.noisyLinear(100, 0.1, 3);
        TrainOptions options = new TrainOptions("y", Task.REGRESSION, 1, 1);
        Model linear = Learners.create("linear", Map.of()).fit(frame, options);
        Model tree = Learners.create("tree", Map.of()).fit(frame, options);
        EnsembleModel ensemble = new EnsembleModel(List.of(linear, tree), new double[] {1, 1});
        Frame features = frame.drop(List.of("y"));
        assertThat(ensemble.predict(features).value(7))
                .isEqualTo(0.5 * linear.predict(features).value(7) + 0.5 * tree.predict(features).value(7));
    }

    @Test
    void membersMustAgreeOnTheTask() {
        Model regression = Learners.create("linear", Map.of()).fit(TestFrames.noisyLinear(50, 0.1, 3),
                new TrainOptions("y", Task.REGRESSION, 1, 1));
        Model classifier = Learners.create("logistic", Map.of()).fit(BLOBS, OPTIONS);
        assertThatThrownBy(() -> new EnsembleModel(List.of(classifier, regression), new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member 1");
        assertThatThrownBy(() -> new EnsembleModel(List.of(classifier), new double[] {0}))
                .hasMessageContaining("weight 0 must be > 0");
    }
}
