package dev.kiln.learn;

import dev.kiln.learn.catalog.Learners;
import dev.kiln.learn.catalog.ModelReaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every learner and its model must keep (Kiln's {@code check_estimator}). */
class LearnerContractTest {
    private static double[] sink;

    record Case(String learner, Task task, Frame frame, Map<String, String> params) {
        Case(String learner, Task task, Frame frame) {
            this(learner, task, frame, Map.of());
        }

        Learner<?> create() {
            if (!params.isEmpty()) {
                return Learners.create(learner, params);
            }
            // forests keep their defaults but fewer trees, to keep the suite fast
            return Learners.create(learner, learner.endsWith("trees") || learner.endsWith("forest") ? Map.of("trees", "20") : Map.of());
        }

        TrainOptions options(long seed, int threads) {
            return new TrainOptions("y", task, seed, threads);
        }

        Model fit() {
            return create().fit(frame, options(7, 1));
        }

        /** Whether the learner handles missing feature values itself instead of rejecting them. */
        boolean acceptsMissingFeatures() {
            return List.of("gbm", "random_forest", "extra_trees").contains(learner);
        }

        @Override
        public String toString() {
            return learner + "/" + task.label() + (params.isEmpty() ? "" : params.toString());
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("linear", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 1)),
                new Case("linear", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 15), Map.of("alpha", "0.05", "l1_ratio", "0.7")),
                new Case("linear", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 16), Map.of("cv_folds", "3", "l1_ratio", "1")),
                new Case("logistic", Task.BINARY, TestFrames.blobs(2, 60, 2)),
                new Case("logistic", Task.BINARY, TestFrames.blobs(2, 60, 17), Map.of("l1", "2", "l2", "0.5")),
                new Case("logistic", Task.MULTICLASS, TestFrames.blobs(3, 40, 18), Map.of("l1", "1", "l2", "0")),
                new Case("logistic", Task.MULTICLASS, TestFrames.blobs(3, 40, 3)),
                new Case("tree", Task.BINARY, TestFrames.blobs(2, 60, 4)),
                new Case("tree", Task.MULTICLASS, TestFrames.blobs(3, 40, 5)),
                new Case("tree", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 6)),
                new Case("gbm", Task.BINARY, TestFrames.blobs(2, 60, 7)),
                new Case("gbm", Task.MULTICLASS, TestFrames.blobs(3, 40, 8)),
                new Case("gbm", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 9)),
                new Case("random_forest", Task.BINARY, TestFrames.blobs(2, 60, 10)),
                new Case("random_forest", Task.MULTICLASS, TestFrames.blobs(3, 40, 11)),
                new Case("random_forest", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 12)),
                new Case("extra_trees", Task.MULTICLASS, TestFrames.blobs(3, 40, 13)),
                new Case("extra_trees", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 14)),
                new Case("svm", Task.BINARY, TestFrames.blobs(2, 60, 15)),
                new Case("svm", Task.MULTICLASS, TestFrames.blobs(3, 40, 16)),
                new Case("svm", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 17)),
                new Case("linear_svm", Task.BINARY, TestFrames.blobs(2, 60, 18)),
                new Case("linear_svm", Task.MULTICLASS, TestFrames.blobs(3, 40, 19)),
                new Case("linear_svm", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 20)),
                new Case("knn", Task.BINARY, TestFrames.blobs(2, 60, 21)),
                new Case("knn", Task.MULTICLASS, TestFrames.blobs(3, 40, 22)),
                new Case("knn", Task.REGRESSION, TestFrames.noisyLinear(200, 0.5, 23)),
                new Case("naive_bayes", Task.BINARY, TestFrames.blobs(2, 60, 24)),
                new Case("naive_bayes", Task.MULTICLASS, TestFrames.blobs(3, 40, 25)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitLeavesLearnerAndFrameUnchanged(Case c) {
        Learner<?> learner = c.create();
        Map<String, Object> params = Map.copyOf(learner.params());
        Frame copy = Frame.of(new ArrayList<>(c.frame().columns()));
        learner.fit(c.frame(), c.options(1, 1));
        assertThat(learner.params()).isEqualTo(params);
        assertThat(c.frame()).isEqualTo(copy);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameSeedGivesIdenticalModelWhateverTheThreads(Case c) {
        Model one = c.create().fit(c.frame(), c.options(11, 1));
        Model two = c.create().fit(c.frame(), c.options(11, 2));
        assertIdentical(one.predict(c.frame()), two.predict(c.frame()));
        assertThat(one.toJson(new InMemoryArrays())).isEqualTo(two.toJson(new InMemoryArrays()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jsonRoundTripGivesBitIdenticalPredictions(Case c) throws Exception {
        Model model = c.fit();
        InMemoryArrays arrays = new InMemoryArrays();
        ObjectNode json = model.toJson(arrays);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode reread = (ObjectNode) mapper.readTree(mapper.writeValueAsString(json));
        Model loaded = ModelReaders.read(reread, arrays);
        assertThat(loaded.getClass()).isEqualTo(model.getClass());
        assertThat(loaded.type()).isEqualTo(model.type());
        assertThat(loaded.features()).isEqualTo(model.features());
        assertThat(loaded.classes()).isEqualTo(model.classes());
        assertThat(loaded.task()).isEqualTo(model.task());
        assertThat(loaded.toJson(new InMemoryArrays())).isEqualTo(json);
        assertIdentical(loaded.predict(c.frame()), model.predict(c.frame()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void predictRowMatchesPredictBitForBit(Case c) {
        Model model = c.fit();
        FeatureMatrix matrix = FeatureMatrix.of(c.frame(), model.features());
        Predictions predictions = model.predict(c.frame());
        double[] x = new double[matrix.columnCount()];
        double[] out = new double[Math.max(1, model.classes().size())];
        for (int i = 0; i < matrix.rows(); i++) {
            matrix.row(i, x);
            model.predictRow(x, out);
            if (c.task().isClassification()) {
                for (int k = 0; k < out.length; k++) {
                    assertThat(out[k]).isEqualTo(predictions.probability(i, k));
                }
            } else {
                assertThat(out[0]).isEqualTo(predictions.value(i));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void predictRowAllocatesNothing(Case c) {
        Model model = c.fit();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] x = {0.5, -1.0, 2.0};
        double[] row = new double[model.features().size()];
        System.arraycopy(x, 0, row, 0, row.length);
        double[] out = new double[Math.max(1, model.classes().size())];
        for (int i = 0; i < 20_000; i++) {
            model.predictRow(row, out);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            row[0] = i * 1e-5;
            model.predictRow(row, out);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).as("bytes allocated by 100000 calls").isLessThan(4_096);
        long probe = threads.getThreadAllocatedBytes(thread);
        sink = new double[1024];
        assertThat(threads.getThreadAllocatedBytes(thread) - probe).as("the probe sees allocations").isGreaterThanOrEqualTo(8_192);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void concurrentPredictEqualsSequential(Case c) throws Exception {
        Model model = c.fit();
        Predictions expected = model.predict(c.frame());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Predictions>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> model.predict(c.frame())));
            }
            for (Future<Predictions> future : futures) {
                assertIdentical(future.get(), expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void predictNamesMissingOrNonNumericFeature(Case c) {
        Model model = c.fit();
        assertThatThrownBy(() -> model.predict(c.frame().drop(List.of("x1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x1'");
        Column text = CategoricalColumn.ofLabels("x0", new String[c.frame().rowCount()]);
        assertThatThrownBy(() -> model.predict(c.frame().with(text)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x0'");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitRejectsOrHandlesMissingValues(Case c) {
        double[] x1 = c.frame().numeric("x1").toArray();
        x1[3] = Double.NaN;
        Frame withNaN = c.frame().with(NumericColumn.of("x1", x1));
        if (c.acceptsMissingFeatures()) {
            Predictions predictions = c.create().fit(withNaN, c.options(1, 1)).predict(withNaN);
            for (int i = 0; i < predictions.size(); i++) {
                assertThat(predictions.value(i)).isFinite();
            }
        } else {
            assertThatThrownBy(() -> c.create().fit(withNaN, c.options(1, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x1'").hasMessageContaining("row 3");
        }
        Frame missingTarget = c.frame().with(missingTarget(c.frame().column("y")));
        assertThatThrownBy(() -> c.create().fit(missingTarget, c.options(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'").hasMessageContaining("row 0");
        assertThatThrownBy(() -> c.create().fit(c.frame().drop(List.of("y")), c.options(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'");
    }

    private static Column missingTarget(Column target) {
        if (target instanceof NumericColumn numeric) {
            double[] values = numeric.toArray();
            values[0] = Double.NaN;
            return NumericColumn.of("y", values);
        }
        CategoricalColumn categorical = (CategoricalColumn) target;
        int[] codes = categorical.toCodes();
        codes[0] = CategoricalColumn.MISSING;
        return CategoricalColumn.of("y", codes, categorical.levels());
    }

    static void assertIdentical(Predictions actual, Predictions expected) {
        assertThat(actual.values()).isEqualTo(expected.values());
        if (expected.task().isClassification()) {
            for (int k = 0; k < expected.classes().size(); k++) {
                assertThat(actual.probabilitiesOf(k)).isEqualTo(expected.probabilitiesOf(k));
            }
        }
    }
}
