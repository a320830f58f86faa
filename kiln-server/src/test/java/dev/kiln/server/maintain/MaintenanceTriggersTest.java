package dev.kiln.server.maintain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Task;
import dev.kiln.monitor.DriftMethod;
import dev.kiln.server.monitor.LiveQuality;
import dev.kiln.server.monitor.ModelLookup;
import dev.kiln.server.monitor.ModelStatus;
import dev.kiln.server.monitor.MonitorPolicy;
import dev.kiln.server.monitor.SettingsSource;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import dev.kiln.workflow.CronSchedule;
import dev.kiln.workflow.MonitorSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance policy's triggers: a cron schedule coming due and a new snapshot of the model each start a
 * retraining (here of a model registered without a run, so the retraining fails, and says so in the audit log).
 */
class MaintenanceTriggersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-01T08:59:30Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    private static ModelLookup lookup() {
        return new ModelLookup() {
            @Override
            public List<String> names() {
                return List.of("toy");
            }

            @Override
            public int currentVersion(String name) {
                return 1;
            }

            @Override
            public Bundle bundle(String name, int version) {
                return null;
            }

            @Override
            public Map<String, Integer> aliases(String name) {
                return Map.of("champion", 1);
            }
        };
    }

    private static ModelStatus status(Clock clock) {
        return new ModelStatus("toy", 1, clock.instant(), 0, null, LiveQuality.of(List.of(), Task.BINARY, List.of("no", "yes")),
                new ModelStatus.Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN), Map.of(), List.of(), List.of());
    }

    private static Maintenance maintenance(KilnStore store, Set<String> on, Clock clock) {
        MonitorSettings d = MonitorSettings.defaults();
        MonitorSettings settings = new MonitorSettings(DriftMethod.AUTO, 0.5, d.window(), d.log(), null, List.of(),
                new MonitorSettings.Retrain(on, CronSchedule.parse("0 9 * * *"), 10, 0, -1, 10, false));
        SettingsSource source = new SettingsSource(store, settings, null);
        return new Maintenance(new Retrainer(store, source), store, new MonitorPolicy(lookup(), source), source, () -> { }, clock);
    }

    private static List<JsonNode> retrains(KilnStore store) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (AuditEntry e : store.audit("toy", 50)) {
            if (e.action().equals(AuditEntry.RETRAIN)) {
                out.add(JSON.readTree(e.detail()));
            }
        }
        return out;
    }

    @Test
    void theScheduleStartsARetrainWhenItComesDue() throws Exception {
        TestClock clock = new TestClock();
        try (KilnStore store = KilnStore.open(dir.resolve(".kiln"))) {
            store.registerModel("toy", null, dir.resolve("bundle"), Map.of(), true);
            Maintenance maintenance = maintenance(store, Set.of("schedule"), clock);
            maintenance.evaluated(status(clock));
            clock.millis.addAndGet(20_000); // 08:59:50, not due yet
            maintenance.evaluated(status(clock));
            assertThat(maintenance.retraining("toy")).isFalse();
            clock.millis.addAndGet(15_000); // 09:00:05: due
            maintenance.evaluated(status(clock));
            maintenance.close();
            List<JsonNode> retrains = retrains(store);
            assertThat(retrains).hasSize(1);
            assertThat(retrains.get(0).get("trigger").asText()).isEqualTo("schedule");
            assertThat(retrains.get(0).get("decision").asText()).isEqualTo("failed");
            assertThat(retrains.get(0).get("error").asText()).contains("has no run");
        }
    }

    @Test
    void aNewSnapshotOfTheModelStartsARetrainOnce() throws Exception {
        TestClock clock = new TestClock();
        try (KilnStore store = KilnStore.open(dir.resolve(".kiln"))) {
            store.registerModel("toy", null, dir.resolve("bundle"), Map.of(), true);
            Maintenance maintenance = maintenance(store, Set.of("data"), clock);
            maintenance.evaluated(status(clock));
            assertThat(retrains(store)).isEmpty();
            Thread.sleep(5);
            store.saveSnapshot("toy", Frame.of(NumericColumn.of("x", new double[] {1, 2})), "csv new.csv");
            maintenance.evaluated(status(clock));
            Thread.sleep(500);
            maintenance.evaluated(status(clock));
            maintenance.close();
            List<JsonNode> retrains = retrains(store);
            assertThat(retrains).hasSize(1);
            assertThat(retrains.get(0).get("trigger").asText()).isEqualTo("data");
        }
    }
}
