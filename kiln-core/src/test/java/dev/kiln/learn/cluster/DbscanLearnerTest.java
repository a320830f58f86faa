package dev.kiln.learn.cluster;

import dev.kiln.learn.neighbors.KdTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.ContractChecks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DbscanLearnerTest {
    private static final TrainOptions OPTIONS = TrainOptions.unsupervised(Task.CLUSTERING, 1, 1);

    @Test
    void handComputedClustersBordersAndNoise() {
        // eps 0.15, min_samples 2: {0, 0.1, 0.2, 0.3} and {5, 5.1} are clusters; 9 is noise
        Frame frame = Frame.of(NumericColumn.of("x", new double[] {0, 5, 0.1, 9, 0.2, 5.1, 0.3}));
        DbscanModel model = new DbscanLearner(new DbscanParams(0.15, 2)).fit(frame, OPTIONS);
        assertThat(model.clusters()).isEqualTo(2);
        assertThat(model.trainingNoise()).isEqualTo(1);
        assertThat(model.predict(frame).values()).containsExactly(0, 1, 0, -1, 0, 1, 0);
        Predictions fresh = model.predict(Frame.of(NumericColumn.of("x", new double[] {0.35, 5.2, 2.5})));
        assertThat(fresh.values()).containsExactly(0, 1, -1);
        assertThat(fresh.label(2)).isEqualTo("noise");
        // min_samples 3: 0.0 and 0.3 have 2 neighbours (themselves included) and are border rows of the core 0.1, 0.2
        DbscanModel strict = new DbscanLearner(new DbscanParams(0.15, 3)).fit(frame, OPTIONS);
        assertThat(strict.coreRows()).isEqualTo(2);
        assertThat(strict.predict(frame).values()).containsExactly(0, -1, 0, -1, 0, -1, 0);
    }

    @Test
    void kdTreeAgreesWithBruteForce() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 3000;
        int d = 3;
        double[] x = new double[n * d];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.floor(random.nextDouble() * 40) / 4; // ties on purpose
        }
        KdTree tree = new KdTree(x, n, d, DbscanLearner.LEAF_SIZE);
        double radius2 = 0.8;
        KdTree.Buffer buffer = new KdTree.Buffer();
        for (int q = 0; q < n; q += 7) {
            int count = 0;
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double distance = Distances.squared(x, i * d, x, q * d, d);
                count += distance <= radius2 ? 1 : 0;
                if (distance <= radius2 && distance < best) {
                    best = distance;
                    nearest = i;
                }
            }
            buffer.clear();
            tree.within(x, q * d, radius2, buffer);
            assertThat(tree.count(x, q * d, radius2)).isEqualTo(count);
            assertThat(buffer.size()).isEqualTo(count);
            double[] probe = {x[q * d] + 0.01, x[q * d + 1], x[q * d + 2]};
            int expected = -1;
            double bestProbe = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double distance = Distances.squared(x, i * d, probe, 0, d);
                if (distance <= radius2 && distance < bestProbe) {
                    bestProbe = distance;
                    expected = i;
                }
            }
            assertThat(tree.nearestWithin(probe, 0, radius2)).isEqualTo(expected);
            assertThat(nearest).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void sameModelForAnyThreadCountAndRoundTrip() throws Exception {
        Frame frame = KMeansLearnerTest.blobs(3, 1500, 2, 6); // 4,500 rows: two row blocks
        var learner = new DbscanLearner(DbscanParams.fromMap(Map.of("eps", "0.8", "min_samples", "8")));
        ContractChecks.deterministicAcrossThreads(learner, frame, OPTIONS);
        DbscanModel model = learner.fit(frame, OPTIONS);
        assertThat(model.clusters()).isEqualTo(3);
        ContractChecks.roundTrip(model, frame);
        ContractChecks.predictRowMatchesPredict(model, frame);
        ContractChecks.predictRowAllocatesNothing(model);
    }

    @Test
    void badParametersNameTheKey() {
        assertThatThrownBy(() -> DbscanParams.fromMap(Map.of("eps", "0"))).hasMessageContaining("eps");
        assertThatThrownBy(() -> DbscanParams.fromMap(Map.of("min_samples", "x"))).hasMessageContaining("min_samples");
    }
}
