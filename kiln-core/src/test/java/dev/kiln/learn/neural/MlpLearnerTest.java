package dev.kiln.learn.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.ContractChecks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpLearnerTest {

    private static MlpLearner learner(Map<String, String> params) {
        return new MlpLearner(MlpParams.fromMap(params));
    }

    @Test
    void learnsXor() {
        Random random = new Random(3);
        int n = 200;
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int a = i % 2;
            int b = (i / 2) % 2;
            x[0][i] = a + 0.05 * random.nextGaussian();
            x[1][i] = b + 0.05 * random.nextGaussian();
            y[i] = a ^ b;
        }
        Frame frame = TestFrames.classification(x, y, 2);
        var model = learner(Map.of("hidden", "8", "activation", "tanh", "learning_rate", "0.02", "max_iter", "300",
                "early_stopping", "false", "batch_size", "20")).fit(frame, new TrainOptions("y", Task.BINARY, 1, 1));
        Predictions predictions = model.predict(frame);
        for (int i = 0; i < n; i++) {
            assertThat(predictions.classIndex(i)).as("row %s", i).isEqualTo(y[i]);
        }
    }

    @Test
    void recoversALinearRegressionWithoutHiddenLayers() {
        Frame frame = TestFrames.noisyLinear(400, 0.0, 5);
        var model = learner(Map.of("hidden", "", "l2", "0", "learning_rate", "0.01", "max_iter", "400", "early_stopping", "false",
                "batch_size", "50", "tolerance", "0", "patience", "400")).fit(frame, new TrainOptions("y", Task.REGRESSION, 2, 1));
        double[] probe = new double[1];
        model.predictRow(new double[] {0, 0, 0}, probe);
        assertThat(probe[0]).isCloseTo(1.0, within(1e-3));
        model.predictRow(new double[] {1, 0, 0}, probe);
        assertThat(probe[0]).isCloseTo(3.0, within(1e-3));
        model.predictRow(new double[] {0, 1, 2}, probe);
        assertThat(probe[0]).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void classifiesBlobsAndStopsEarly() {
        Frame frame = TestFrames.blobs(3, 100, 8);
        var model = learner(Map.of("hidden", "16,8", "max_iter", "500", "patience", "5"))
                .fit(frame, new TrainOptions("y", Task.MULTICLASS, 4, 1));
        Predictions predictions = model.predict(frame);
        int correct = 0;
        int[] truth = frame.categorical("y").toCodes();
        for (int i = 0; i < truth.length; i++) {
            correct += predictions.classIndex(i) == truth[i] ? 1 : 0;
        }
        assertThat(correct / (double) truth.length).isGreaterThan(0.95);
        assertThat(model.epochs()).isLessThan(500);
    }

    @Test
    void sameSeedSameModelForAnyThreadCount() {
        ContractChecks.deterministicAcrossThreads(learner(Map.of("hidden", "12,6", "max_iter", "20", "batch_size", "100")),
                TestFrames.blobs(3, 100, 9), new TrainOptions("y", Task.MULTICLASS, 13, 1));
        ContractChecks.deterministicAcrossThreads(learner(Map.of("hidden", "10", "max_iter", "15", "dropout", "0.3",
                "batch_size", "64", "solver", "sgd", "learning_rate", "0.05")), TestFrames.noisyLinear(300, 0.5, 4),
                new TrainOptions("y", Task.REGRESSION, 5, 1));
    }

    @Test
    void bundleRoundTripAndSingleRowPath() throws Exception {
        for (var c : List.of(
                Map.entry(new TrainOptions("y", Task.BINARY, 1, 2), TestFrames.blobs(2, 60, 2)),
                Map.entry(new TrainOptions("y", Task.MULTICLASS, 1, 2), TestFrames.blobs(3, 40, 3)),
                Map.entry(new TrainOptions("y", Task.REGRESSION, 1, 2), TestFrames.noisyLinear(200, 0.5, 1)))) {
            var model = learner(Map.of("hidden", "8,4", "max_iter", "10", "dropout", "0.1")).fit(c.getValue(), c.getKey());
            ContractChecks.roundTrip(model, c.getValue());
            ContractChecks.predictRowMatchesPredict(model, c.getValue());
            ContractChecks.predictRowAllocatesNothing(model);
        }
    }

    @Test
    void badParametersNameTheKey() {
        assertThatThrownBy(() -> MlpParams.fromMap(Map.of("hidden", "64,x"))).hasMessageContaining("hidden");
        assertThatThrownBy(() -> MlpParams.fromMap(Map.of("activation", "sigmoid"))).hasMessageContaining("activation");
        assertThatThrownBy(() -> MlpParams.fromMap(Map.of("solver", "lbfgs"))).hasMessageContaining("solver");
        assertThatThrownBy(() -> MlpParams.fromMap(Map.of("dropout", "1"))).hasMessageContaining("dropout");
        assertThatThrownBy(() -> MlpParams.fromMap(Map.of("early_stopping", "yes"))).hasMessageContaining("early_stopping");
        assertThat(MlpParams.fromMap(MlpParams.defaults().toMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())))))
                .isEqualTo(MlpParams.defaults());
        assertThatThrownBy(() -> new MlpLearner().fit(TestFrames.blobs(2, 10, 1), TrainOptions.unsupervised(Task.CLUSTERING, 1, 1)))
                .hasMessageContaining("clustering");
    }
}
