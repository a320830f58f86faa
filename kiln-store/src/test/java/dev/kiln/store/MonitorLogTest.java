package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorLogTest {
    @TempDir
    Path kilnDir;

    private static LoggedPrediction prediction(String id, String model, long at, String key) {
        return LoggedPrediction.of(id, model, 1, at, 250, "{\"x\":" + at + "}", "1", "{\"value\":1}", key);
    }

    @Test
    void feedbackJoinsTheLoggedPredictionAndALaterLabelReplacesIt() {
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            log.append(List.of(prediction("a-1", "m", 1000, "k1"), prediction("a-2", "m", 2000, "k2")), List.of());
            assertThat(log.feedback("nope", "1", 5000)).isEmpty();
            assertThat(log.feedback("a-1", "0", 5000).orElseThrow().label()).isEqualTo("0");
            log.feedback("a-1", "1", 6000);
            LoggedPrediction joined = log.find("a-1").orElseThrow();
            assertThat(joined.label()).isEqualTo("1");
            assertThat(joined.labelAtMs()).isEqualTo(6000);
            assertThat(log.find("a-2").orElseThrow().labelled()).isFalse();
            assertThat(log.findByKey("m", "k2")).contains("a-2");
            assertThat(log.findByKey("m", "k3")).isEmpty();
        }
    }

    @Test
    void windowsAreTheNewestRowsInTimeRangeOldestFirst() {
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            List<LoggedPrediction> rows = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rows.add(prediction("p-" + i, i % 2 == 0 ? "even" : "odd", 1000 + i, null));
            }
            log.append(rows, List.of(new ShadowPrediction("p-4", "even", 2, "0", "{\"value\":0}", null)));
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
            assertThat(shadowed.get(0).logged().prediction()).isEqualTo("1");
            assertThat(log.models()).containsExactly("even", "odd");
            assertThat(log.count("odd")).isEqualTo(5);
            assertThat(log.countLabelled("even")).isEqualTo(2);
            assertThat(log.countLabelled("odd")).isZero();
        }
    }

    @Test
    void retentionDropsOldRowsAndKeepsTheNewestPerModel() {
        try (var store = KilnStore.open(kilnDir)) {
            MonitorLog log = store.monitorLog();
            List<LoggedPrediction> rows = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rows.add(prediction("p-" + i, "m", 1000 + i, null));
            }
            log.append(rows, List.of());
            log.feedback("p-0", "1", 2000);
            assertThat(log.purge(1002, 0)).isEqualTo(2);
            assertThat(log.find("p-0")).isEmpty();
            assertThat(log.purge(0, 3)).isEqualTo(5);
            assertThat(log.window("m", null, 0, Long.MAX_VALUE, 100, false)).extracting(LoggedPrediction::id)
                    .containsExactly("p-7", "p-8", "p-9");
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
}
