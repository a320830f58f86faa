package dev.kiln.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Predictions;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.ShadowPrediction;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncPredictionLogTest {
    private static final Frame INPUT = Frame.of(NumericColumn.of("x", new double[] {1.5, Double.NaN}));
    private static final Predictions OUTPUT = Predictions.ofValues(new double[] {2, 3.25});

    private static LogPolicy policy(double sample) {
        return new LogPolicy() {
            @Override
            public double sample(String model) {
                return sample;
            }

            @Override
            public String keyColumn(String model) {
                return "x";
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

    @Test
    void rowsAreEncodedAndWrittenWithConsecutiveIds() throws Exception {
        List<LoggedPrediction> written = new CopyOnWriteArrayList<>();
        try (var log = new AsyncPredictionLog((rows, shadows) -> written.addAll(rows), (b, k) -> { }, policy(1), 10, Clock.systemUTC())) {
            String first = log.record("m", 3, INPUT, OUTPUT, 1_500_000);
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(written).hasSize(2);
            assertThat(written.get(0).id()).isEqualTo(first);
            assertThat(written.get(1).id()).isEqualTo(PredictionIds.rowId(first, 1));
            assertThat(written.get(0).inputs()).isEqualTo("{\"x\":1.5}");
            assertThat(written.get(1).inputs()).isEqualTo("{\"x\":null}");
            assertThat(written.get(1).outputs()).isEqualTo("{\"value\":3.25}");
            assertThat(written.get(0).prediction()).isEqualTo("2.0");
            assertThat(written.get(0).key()).isEqualTo("1.5");
            assertThat(written.get(1).key()).isNull();
            assertThat(written.get(0).latencyMicros()).isEqualTo(1500);
            assertThat(written.get(0).version()).isEqualTo(3);
        }
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var log = new AsyncPredictionLog((rows, shadows) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, (b, k) -> { }, policy(1), 2, Clock.systemUTC())) {
            assertThat(log.record("m", 1, INPUT, OUTPUT, 0)).isNotNull();
            assertThat(entered.await(5, TimeUnit.SECONDS)).as("the writer is busy in the sink").isTrue();
            long start = System.nanoTime();
            int logged = 0;
            for (int i = 0; i < 50; i++) {
                logged += log.record("m", 1, INPUT, OUTPUT, 0) == null ? 0 : 1;
            }
            assertThat((System.nanoTime() - start) / 1e6).as("ms for 50 records").isLessThan(500);
            assertThat(logged).as("the queue holds 2").isEqualTo(2);
            assertThat(log.dropped()).isEqualTo(2L * 48);
            release.countDown();
            assertThat(log.flush(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void samplingLogsAboutTheShareAsked() {
        try (var log = new AsyncPredictionLog((rows, shadows) -> { }, (b, k) -> { }, policy(0.1), 100_000, Clock.systemUTC())) {
            int logged = 0;
            for (int i = 0; i < 20_000; i++) {
                logged += log.record("m", 1, INPUT, OUTPUT, 0) == null ? 0 : 1;
            }
            assertThat(logged).isBetween(1700, 2300);
        }
        try (var off = new AsyncPredictionLog((rows, shadows) -> { }, (b, k) -> { }, policy(0), 10, Clock.systemUTC())) {
            assertThat(off.record("m", 1, INPUT, OUTPUT, 0)).isNull();
        }
    }
}
