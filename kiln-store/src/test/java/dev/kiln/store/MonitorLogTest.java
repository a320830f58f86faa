package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorLogTest {
    @TempDir
    Path kilnDir;

    /** Rows numbered {@code numbers} of a regression answering 1, answered at 1000 + number, feature x = that time. */
    private static PredictionBatch batch(String model, int version, String prefix, long[] numbers, String... keys) {
        int n = numbers.length;
        double[] number = new double[n];
        double[] at = new double[n];
        double[] one = new double[n];
        String[] key = new String[n];
        for (int i = 0; i < n; i++) {
            number[i] = numbers[i];
            at[i] = 1000 + numbers[i];
            one[i] = 1;
            key[i] = i < keys.length ? keys[i] : null;
        }
        return new PredictionBatch(model, version, prefix, Frame.of(NumericColumn.of(LogColumns.NUMBER, number),
                NumericColumn.of(LogColumns.AT, at), NumericColumn.of(LogColumns.LATENCY, new double[n]),
                TextColumn.of(LogColumns.KEY, key), NumericColumn.of(LogColumns.PREDICTION, one), NumericColumn.of("x", at)));
    }

    private static long[] range(int from, int to) {
        return java.util.stream.LongStream.range(from, to).toArray();
    }

    @Test
    void feedbackJoinsTheLoggedPredictionAndALaterLabelReplacesIt() {
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            log.append(List.of(batch("m", 1, "a-", new long[] {1, 2}, "k1", "k2")), List.of());
            assertThat(log.feedback("nope", "1", 5000)).isEmpty();
            assertThat(log.feedback("a-1", "0", 5000).orElseThrow().label()).isEqualTo("0");
            log.feedback("a-1", "1", 6000);
            LoggedPrediction joined = log.find("a-1").orElseThrow();
            assertThat(joined.label()).isEqualTo("1");
            assertThat(joined.labelAtMs()).isEqualTo(6000);
            assertThat(joined.inputs()).isEqualTo("{\"x\":1001}");
            assertThat(joined.outputs()).isEqualTo("{\"value\":1}");
            assertThat(joined.prediction()).isEqualTo("1.0");
            assertThat(log.find("a-2").orElseThrow().labelled()).isFalse();
            assertThat(log.findByKey("m", "k2")).contains("a-2");
            assertThat(log.findByKey("m", "k3")).isEmpty();
            // the same from the segment file
            log.roll();
            assertThat(log.openRows()).isZero();
            assertThat(log.find("a-1").orElseThrow().label()).isEqualTo("1");
            assertThat(log.findByKey("m", "k2")).contains("a-2");
            assertThat(log.findByKey("m", "k3")).isEmpty();
        }
    }

    @Test
    void windowsAreTheNewestRowsInTimeRangeOldestFirst() {
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            log.append(List.of(batch("even", 1, "p-", new long[] {0, 2, 4}), batch("odd", 1, "p-", new long[] {1, 3, 5})),
                    List.of());
            log.roll();
            log.append(List.of(batch("even", 1, "p-", new long[] {6, 8}), batch("odd", 1, "p-", new long[] {7, 9})),
                    List.of(new ShadowPrediction("p-4", "even", 2, "0", "{\"value\":0}", null)));
            log.feedback("p-2", "1", 9000);
            log.feedback("p-4", "0", 9000);
            assertThat(log.window("even", null, 0, Long.MAX_VALUE, 3, false)).extracting(LoggedPrediction::id)
                    .containsExactly("p-4", "p-6", "p-8");
            assertThat(log.window("even", 1, 1003, 1007, 10, false)).extracting(LoggedPrediction::id)
                    .containsExactly("p-4", "p-6");
            assertThat(log.window("even", null, 0, Long.MAX_VALUE, 10, true)).extracting(LoggedPrediction::id)
                    .containsExactly("p-2", "p-4");
            assertThat(log.window("even", 2, 0, Long.MAX_VALUE, 10, false)).isEmpty();
            List<MonitorLog.ShadowComparison> shadowed = log.shadowed("even", 2, 0, 10);
            assertThat(shadowed).hasSize(1);
            assertThat(shadowed.get(0).shadow().label()).isEqualTo("0");
            assertThat(shadowed.get(0).logged().prediction()).isEqualTo("1.0");
            assertThat(log.models()).containsExactly("even", "odd");
            assertThat(log.count("odd")).isEqualTo(5);
            assertThat(log.countLabelled("even")).isEqualTo(2);
            assertThat(log.countLabelled("odd")).isZero();

            LogWindow window = log.window("even", 1, 0, Long.MAX_VALUE, 4);
            assertThat(window.size()).isEqualTo(4);
            assertThat(window.id(0)).isEqualTo("p-2");
            assertThat(window.features().numeric("x").toArray()).containsExactly(1002, 1004, 1006, 1008);
            assertThat(window.label(0)).isEqualTo("1");
            assertThat(window.label(2)).isNull();
            assertThat(window.labelled()).extracting(LoggedPrediction::id).containsExactly("p-2", "p-4");
        }
    }

    @Test
    void segmentsRollBySizeAndAgeAndOutliveTheStore() throws Exception {
        var clock = new MutableClock(1_000_000);
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = new MonitorLog(store.database(), kilnDir.resolve("predictions"), clock).segments(4, Duration.ofSeconds(30));
            log.append(List.of(batch("m", 1, "s-", range(0, 3))), List.of());
            assertThat(log.openRows()).isEqualTo(3);
            log.append(List.of(batch("m", 1, "s-", range(3, 6))), List.of());
            assertThat(log.openRows()).as("6 rows reached 4: rolled").isZero();
            log.append(List.of(batch("m", 1, "s-", range(6, 7))), List.of());
            log.tick();
            assertThat(log.openRows()).as("too young").isEqualTo(1);
            clock.advance(30_000);
            log.tick();
            assertThat(log.openRows()).isZero();
            try (Stream<Path> files = Files.walk(kilnDir.resolve("predictions"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count()).isEqualTo(2);
            }
            log.append(List.of(batch("m", 1, "s-", range(7, 9))), List.of());
            log.close();
        }
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            assertThat(log.count("m")).isEqualTo(9);
            assertThat(log.window("m", null, 0, Long.MAX_VALUE, 100, false)).extracting(LoggedPrediction::id)
                    .containsExactly("s-0", "s-1", "s-2", "s-3", "s-4", "s-5", "s-6", "s-7", "s-8");
            assertThat(log.find("s-5").orElseThrow().inputs()).isEqualTo("{\"x\":1005}");
        }
    }

    @Test
    void anAppendDoesNotWaitForASegmentBeingWrittenInTheBackground() throws Exception {
        int segment = 300_000;
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = new MonitorLog(store.database(), kilnDir.resolve("predictions"), java.time.Clock.systemUTC())
                    .segments(segment, Duration.ofHours(1)).writeInBackground();
            log.append(List.of(batch("m", 1, "b-", range(0, segment))), List.of());
            Path folder = kilnDir.resolve("predictions");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!writing(folder) && log.openRows() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            log.append(List.of(batch("m", 1, "b-", range(segment, segment + 1))), List.of());
            assertThat(log.openRows()).as("the full segment is still being written: the append did not wait for it")
                    .isEqualTo(segment + 1);
            log.close();
            assertThat(log.count("m")).isEqualTo(segment + 1);
        }
    }

    /** Whether a segment file is being written in {@code folder} (its temporary file exists). */
    private static boolean writing(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet.tmp"));
        }
    }

    @Test
    void categoricalFeaturesAndClassesReadBackAsLogged() {
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            Frame rows = Frame.of(NumericColumn.of(LogColumns.NUMBER, new double[] {1, 2}),
                    NumericColumn.of(LogColumns.AT, new double[] {10, 20}), NumericColumn.of(LogColumns.LATENCY, new double[] {5, 6}),
                    TextColumn.of(LogColumns.KEY, new String[] {null, null}),
                    CategoricalColumn.of(LogColumns.PREDICTION, new int[] {1, 0}, List.of("no", "yes")),
                    NumericColumn.of(LogColumns.PROBABILITY + "no", new double[] {0.25, 0.5}),
                    NumericColumn.of(LogColumns.PROBABILITY + "yes", new double[] {0.75, 0.5}),
                    CategoricalColumn.of("color", new int[] {2, -1}, List.of("red", "blue", "mauve")));
            log.append(List.of(new PredictionBatch("c", 1, "q-", rows)), List.of());
            log.roll();
            LoggedPrediction first = log.find("q-1").orElseThrow();
            assertThat(first.inputs()).isEqualTo("{\"color\":\"mauve\"}");
            assertThat(first.prediction()).isEqualTo("yes");
            assertThat(first.outputs()).isEqualTo("{\"probabilities\":{\"no\":0.25,\"yes\":0.75}}");
            assertThat(first.latencyMicros()).isEqualTo(5);
            assertThat(log.find("q-2").orElseThrow().inputs()).isEqualTo("{\"color\":null}");
            LogWindow window = log.window("c", 1, 0, 100, 10);
            assertThat(window.predictions().format(0)).isEqualTo("yes");
            assertThat(window.features().column("color").format(0)).isEqualTo("mauve");
        }
    }

    @Test
    void retentionDropsOldSegmentsAndKeepsTheNewestPerModel() {
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            for (int s = 0; s < 5; s++) {
                log.append(List.of(batch("m", 1, "p-", range(2 * s, 2 * s + 2))), List.of());
                log.roll();
            }
            log.feedback("p-0", "1", 2000);
            log.feedback("p-9", "1", 2000);
            assertThat(log.purge(1002, 0)).as("the segment of 1000-1001").isEqualTo(2);
            assertThat(log.find("p-0")).isEmpty();
            assertThat(log.countLabelled("m")).isEqualTo(1);
            assertThat(log.purge(0, 3)).as("keeps the two newest segments: 4 rows >= 3").isEqualTo(4);
            assertThat(log.window("m", null, 0, Long.MAX_VALUE, 100, false)).extracting(LoggedPrediction::id)
                    .containsExactly("p-6", "p-7", "p-8", "p-9");
            assertThat(log.find("p-9").orElseThrow().label()).isEqualTo("1");
        }
    }

    @Test
    void probationIsKeptUntilEnded() {
        try (var store = KilnStore.open(kilnDir)) {
            store.startProbation(new Probation("m", 3, 2, 0.05, 1000));
            store.startProbation(new Probation("m", 4, 3, 0.1, 2000));
        }
        try (var store = KilnStore.open(kilnDir)) {
            assertThat(store.probations()).containsExactly(new Probation("m", 4, 3, 0.1, 2000));
            store.endProbation("m");
            assertThat(store.probations()).isEmpty();
        }
    }

    @Test
    void decisionsGoToTheAuditLogWithTheirEvidence() {
        try (var store = KilnStore.open(kilnDir)) {
            store.recordDecision(AuditEntry.ALERT, "m", 1, null, "{\"drift_share\":0.5}", "drift_share > 0.3");
            AuditEntry entry = store.audit("m", 10).get(0);
            assertThat(entry.action()).isEqualTo("alert");
            assertThat(entry.detail()).isEqualTo("{\"drift_share\":0.5}");
            assertThat(entry.reason()).isEqualTo("drift_share > 0.3");
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends java.time.Clock {
        private long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        void advance(long ms) {
            millis += ms;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis);
        }
    }
}
