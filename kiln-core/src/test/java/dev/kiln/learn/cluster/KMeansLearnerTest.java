package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.ContractChecks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansLearnerTest {
    private static final TrainOptions OPTIONS = TrainOptions.unsupervised(Task.CLUSTERING, 7, 1);

    /** {@code k} Gaussian blobs of {@code per} rows in {@code d} dimensions, centres 10 apart on the diagonal, sd 1. */
    static Frame blobs(int k, int per, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[d][k * per];
        for (int i = 0; i < k * per; i++) {
            for (int j = 0; j < d; j++) {
                columns[j][i] = 10 * (i % k) * (j % 2 == 0 ? 1 : -1) + gaussian(random);
            }
        }
        NumericColumn[] out = new NumericColumn[d];
        for (int j = 0; j < d; j++) {
            out[j] = NumericColumn.of("x" + j, columns[j]);
        }
        return Frame.of(out);
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void findsTwoObviousClusters() {
        Frame frame = Frame.of(NumericColumn.of("a", new double[] {0, 0, 10, 10}), NumericColumn.of("b", new double[] {0, 1, 10, 11}));
        KMeansModel model = new KMeansLearner(KMeansParams.defaults().withK(2)).fit(frame, OPTIONS);
        double[] centres = model.centres();
        double[] first = centres[0] < 5 ? new double[] {centres[0], centres[1], centres[2], centres[3]}
                : new double[] {centres[2], centres[3], centres[0], centres[1]};
        assertThat(first).containsExactly(0, 0.5, 10, 10.5);
        assertThat(model.inertia()).isCloseTo(1.0, within(1e-12));
        Predictions p = model.predict(frame);
        assertThat(p.classIndex(0)).isEqualTo(p.classIndex(1)).isNotEqualTo(p.classIndex(2));
        assertThat(p.classIndex(2)).isEqualTo(p.classIndex(3));
    }

    @Test
    void hamerlyEqualsPlainLloydFromTheSameStart() {
        Frame frame = blobs(5, 300, 3, 11);
        int n = frame.rowCount();
        double[] x = dev.kiln.learn.UnsupervisedData.rowMajor(frame, frame.names());
        try (Blocks blocks = new Blocks(n, 1)) {
            double[] start = KMeansPlusPlus.centres(x, n, 3, 7, new SplittableRandom(3), blocks);
            Hamerly hamerly = new Hamerly(x, n, 3, start, blocks);
            double[] fast = hamerly.run(100, 0);
            double[] slow = lloyd(x, n, 3, start, 100);
            assertThat(fast).containsExactly(slow, within(1e-9));
        }
    }

    private static double[] lloyd(double[] x, int n, int d, double[] start, int iterations) {
        double[] centres = start.clone();
        int k = centres.length / d;
        for (int it = 0; it < iterations; it++) {
            double[] sums = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                int c = Distances.nearest(x, i * d, centres, k, d);
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += x[i * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    centres[c * d + j] = sums[c * d + j] / counts[c];
                }
            }
        }
        return centres;
    }

    @Test
    void choosesKBySilhouette() {
        Frame frame = blobs(4, 80, 2, 5);
        KMeansModel model = new KMeansLearner(KMeansParams.fromMap(Map.of("k", "auto", "k_min", "2", "k_max", "7")))
                .fit(frame, OPTIONS);
        assertThat(model.k()).isEqualTo(4);
        assertThat(model.silhouette()).isGreaterThan(0.8);
    }

    @Test
    void sameSeedSameModelForAnyThreadCountAndRoundTrip() throws Exception {
        Frame frame = blobs(6, 3000, 4, 2); // 18,000 rows: several row blocks
        var learner = new KMeansLearner(KMeansParams.fromMap(Map.of("k", "6", "n_init", "2")));
        ContractChecks.deterministicAcrossThreads(learner, frame, OPTIONS);
        KMeansModel model = learner.fit(frame, OPTIONS);
        ContractChecks.roundTrip(model, frame);
        ContractChecks.predictRowMatchesPredict(model, frame);
        ContractChecks.predictRowAllocatesNothing(model);
        ContractChecks.deterministicAcrossThreads(new KMeansLearner(KMeansParams.fromMap(Map.of("k", "auto", "k_max", "4"))),
                blobs(3, 200, 2, 3), OPTIONS);
    }

    @Test
    void badInputNamesTheProblem() {
        assertThatThrownBy(() -> KMeansParams.fromMap(Map.of("k", "0"))).hasMessageContaining("k:");
        assertThatThrownBy(() -> KMeansParams.fromMap(Map.of("k_min", "5", "k_max", "3"))).hasMessageContaining("k_max");
        assertThatThrownBy(() -> KMeansParams.fromMap(Map.of("clusters", "3"))).hasMessageContaining("clusters");
        Frame withNaN = Frame.of(NumericColumn.of("a", new double[] {0, Double.NaN, 2}));
        assertThatThrownBy(() -> new KMeansLearner().fit(withNaN, OPTIONS)).hasMessageContaining("'a'").hasMessageContaining("row 1");
        Frame small = Frame.of(NumericColumn.of("a", new double[] {0, 1}));
        assertThatThrownBy(() -> new KMeansLearner().fit(small, OPTIONS)).hasMessageContaining("k:");
        assertThatThrownBy(() -> new KMeansLearner().fit(small, new TrainOptions("y", Task.REGRESSION, 1, 1)))
                .hasMessageContaining("clustering");
        KMeansModel model = new KMeansLearner(KMeansParams.defaults().withK(2)).fit(small, OPTIONS);
        assertThatThrownBy(() -> model.predict(Frame.of(NumericColumn.of("b", new double[] {1})))).hasMessageContaining("'a'");
    }
}
