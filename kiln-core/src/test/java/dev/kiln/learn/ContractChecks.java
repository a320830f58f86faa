package dev.kiln.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import dev.kiln.learn.catalog.ModelReaders;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Map;

/**
 * The checks of {@link LearnerContractTest} as reusable assertions, for learners whose tasks (clustering,
 * anomaly detection) or settings that shared test cannot cover.
 */
public final class ContractChecks {
    private static double[] sink;

    private ContractChecks() {
    }

    /** Fitting leaves the learner and the frame unchanged; the same seed on 1 and 3 threads gives the same model and predictions. */
    public static void deterministicAcrossThreads(Learner<?> learner, Frame frame, TrainOptions options) {
        Map<String, Object> params = Map.copyOf(learner.params());
        Frame copy = Frame.of(new ArrayList<>(frame.columns()));
        Model one = learner.fit(frame, new TrainOptions(options.target(), options.task(), options.seed(), 1));
        Model three = learner.fit(frame, new TrainOptions(options.target(), options.task(), options.seed(), 3));
        assertThat(learner.params()).isEqualTo(params);
        assertThat(frame).isEqualTo(copy);
        assertThat(three.toJson(new InMemoryArrays())).isEqualTo(one.toJson(new InMemoryArrays()));
        assertIdentical(three.predict(frame), one.predict(frame));
    }

    /** The model read back from its JSON is of the same type, writes the same JSON and predicts the same bits. */
    public static Model roundTrip(Model model, Frame frame) throws Exception {
        InMemoryArrays arrays = new InMemoryArrays();
        ObjectNode json = model.toJson(arrays);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode reread = (ObjectNode) mapper.readTree(mapper.writeValueAsString(json));
        Model loaded = ModelReaders.read(reread, arrays);
        assertThat(loaded.getClass()).isEqualTo(model.getClass());
        assertThat(loaded.task()).isEqualTo(model.task());
        assertThat(loaded.features()).isEqualTo(model.features());
        assertThat(loaded.classes()).isEqualTo(model.classes());
        assertThat(loaded.toJson(new InMemoryArrays())).isEqualTo(json);
        assertIdentical(loaded.predict(frame), model.predict(frame));
        return loaded;
    }

    /** {@link Model#predictRow} gives the bits of {@link Model#predict}, row by row. */
    public static void predictRowMatchesPredict(Model model, Frame frame) {
        FeatureMatrix matrix = FeatureMatrix.of(frame, model.features());
        Predictions predictions = model.predict(frame);
        double[] x = new double[matrix.columnCount()];
        double[] out = new double[Math.max(1, model.classes().size())];
        for (int i = 0; i < matrix.rows(); i++) {
            matrix.row(i, x);
            model.predictRow(x, out);
            if (model.task().isClassification()) {
                for (int k = 0; k < out.length; k++) {
                    assertThat(out[k]).isEqualTo(predictions.probability(i, k));
                }
            } else {
                assertThat(out[0]).isEqualTo(predictions.value(i));
            }
        }
    }

    /** 100,000 calls of {@link Model#predictRow} allocate (almost) nothing. */
    public static void predictRowAllocatesNothing(Model model) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] row = new double[model.features().size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = 0.5 - j;
        }
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

    public static void assertIdentical(Predictions actual, Predictions expected) {
        assertThat(actual.task()).isEqualTo(expected.task());
        assertThat(actual.values()).isEqualTo(expected.values());
        if (expected.task().isClassification()) {
            for (int k = 0; k < expected.classes().size(); k++) {
                assertThat(actual.probabilitiesOf(k)).isEqualTo(expected.probabilitiesOf(k));
            }
        }
        if (Double.isNaN(expected.anomalyThreshold())) {
            assertThat(actual.anomalyThreshold()).isNaN();
        } else {
            assertThat(actual.anomalyThreshold()).isEqualTo(expected.anomalyThreshold());
        }
    }
}
