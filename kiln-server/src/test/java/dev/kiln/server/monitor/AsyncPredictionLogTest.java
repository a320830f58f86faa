package dev.kiln.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Role;
import dev.kiln.learn.Predictions;
import dev.kiln.prep.RowLayout;
import dev.kiln.store.KilnStore;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.MonitorLog;
import dev.kiln.store.ShadowPrediction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncPredictionLogTest {
    private static final Frame INPUT = Frame.of(NumericColumn.of("x", new double[] {1.5, Double.NaN}));
    private static final Predictions OUTPUT = Predictions.ofValues(new double[] {2, 3.25});
    private static final LogLayout REGRESSION = new LogLayout("m", 3, List.of(new Field("x", ColumnKind.NUMERIC, Role.FEATURE)),
            List.of(), false);
    private static final LogLayout CLASSIFIER = new LogLayout("c", 1, List.of(new Field("x", ColumnKind.NUMERIC, Role.FEATURE),
            new Field("color", ColumnKind.CATEGORICAL, Role.FEATURE, List.of("red", "blue")),
            new Field("ok", ColumnKind.BOOLEAN, Role.FEATURE)), List.of("no", "yes"), true);

    @TempDir
    Path dir;

    private static LogPolicy policy(double sample, String key) {
        return new LogPolicy() {
            @Override
            public double sample(String model) {
                return sample;
            }

            @Override
            public String keyColumn(String model) {
                return key;
            }

            @Override
            public List<ShadowPrediction> shadows(String model, int version, Frame input, List<String> ids) {
                return List.of();
            }

            @Override
            public int retentionDays() {
                return 0;
            }

            @Override
            public long retentionRows() {
                return 0;
            }
        };
    }

    private static AsyncPredictionLog storeLog(MonitorLog store, LogPolicy policy) {
        return new AsyncPredictionLog(store::append, store::purge, policy, 10, Clock.systemUTC());
    }

    @Test
    void framesAreWrittenColumnarWithConsecutiveIds() throws Exception {
        try (var store = KilnStore.open(dir); var log = storeLog(store.monitorLog(), policy(1, "x"))) {
            String first = log.record(REGRESSION, INPUT, OUTPUT, 1_500_000);
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(log.written()).isEqualTo(2);
            LoggedPrediction one = store.monitorLog().find(first).orElseThrow();
            LoggedPrediction two = store.monitorLog().find(PredictionIds.rowId(first, 1)).orElseThrow();
            assertThat(one.inputs()).isEqualTo("{\"x\":1.5}");
            assertThat(two.inputs()).isEqualTo("{\"x\":null}");
            assertThat(two.outputs()).isEqualTo("{\"value\":3.25}");
            assertThat(one.prediction()).isEqualTo("2.0");
            assertThat(one.key()).isEqualTo("1.5");
            assertThat(two.key()).isNull();
            assertThat(one.latencyMicros()).isEqualTo(1500);
            assertThat(one.version()).isEqualTo(3);
        }
    }

    @Test
    void rawRowsAreCopiedOnTheRequestThreadAndKeepUnseenLabels() throws Exception {
        try (var store = KilnStore.open(dir); var log = storeLog(store.monitorLog(), policy(1, null))) {
            double[] row = {0.5, 1, 1};
            String[] texts = new String[3];
            double[] out = {0.2, 0.8};
            String a = log.recordRow(CLASSIFIER, row, texts, out, "key-1", 2_000_000);
            // the caller reuses its buffers for the next request at once
            row[0] = Double.NaN;
            row[1] = RowLayout.UNSEEN;
            row[2] = 0;
            texts[1] = "mauve";
            out[0] = 0.9;
            out[1] = 0.1;
            String b = log.recordRow(CLASSIFIER, row, texts, out, null, 0);
            row[0] = 99;
            texts[1] = null;
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
            LoggedPrediction first = store.monitorLog().find(a).orElseThrow();
            assertThat(first.inputs()).isEqualTo("{\"x\":0.5,\"color\":\"blue\",\"ok\":\"true\"}");
            assertThat(first.prediction()).isEqualTo("yes");
            assertThat(first.outputs()).isEqualTo("{\"probabilities\":{\"no\":0.2,\"yes\":0.8}}");
            assertThat(first.key()).isEqualTo("key-1");
            assertThat(first.latencyMicros()).isEqualTo(2000);
            LoggedPrediction second = store.monitorLog().find(b).orElseThrow();
            assertThat(second.inputs()).isEqualTo("{\"x\":null,\"color\":\"mauve\",\"ok\":\"false\"}");
            assertThat(second.prediction()).isEqualTo("no");
            assertThat(store.monitorLog().findByKey("c", "key-1")).contains(a);
        }
    }

    @Test
    void aFullQueueOrRingDropsAndCountsWithoutBlocking() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var log = new AsyncPredictionLog((rows, shadows) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, (b, k) -> { }, policy(1, null), 2, Clock.systemUTC())) {
            assertThat(log.record(REGRESSION, INPUT, OUTPUT, 0)).isNotNull();
            assertThat(entered.await(5, TimeUnit.SECONDS)).as("the writer is busy in the sink").isTrue();
            long start = System.nanoTime();
            int logged = 0;
            int rows = 0;
            double[] row = {1};
            double[] out = {2};
            String[] texts = new String[1];
            for (int i = 0; i < 50; i++) {
                logged += log.record(REGRESSION, INPUT, OUTPUT, 0) == null ? 0 : 1;
                rows += log.recordRow(REGRESSION, row, texts, out, null, 0) == null ? 0 : 1;
            }
            assertThat((System.nanoTime() - start) / 1e6).as("ms for 100 records").isLessThan(500);
            assertThat(logged).as("the queue holds 2").isEqualTo(2);
            assertThat(rows).as("the ring holds 2").isEqualTo(2);
            assertThat(log.dropped()).isEqualTo(2L * 48 + 48);
            release.countDown();
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void samplingLogsAboutTheShareAsked() {
        try (var log = new AsyncPredictionLog((rows, shadows) -> { }, (b, k) -> { }, policy(0.1, null), 100_000, Clock.systemUTC())) {
            int logged = 0;
            double[] row = {1};
            double[] out = {2};
            String[] texts = new String[1];
            for (int i = 0; i < 20_000; i++) {
                logged += log.recordRow(REGRESSION, row, texts, out, null, 0) == null ? 0 : 1;
            }
            assertThat(logged).isBetween(1700, 2300);
        }
        try (var off = new AsyncPredictionLog((rows, shadows) -> { }, (b, k) -> { }, policy(0, null), 10, Clock.systemUTC())) {
            assertThat(off.record(REGRESSION, INPUT, OUTPUT, 0)).isNull();
        }
    }
}
