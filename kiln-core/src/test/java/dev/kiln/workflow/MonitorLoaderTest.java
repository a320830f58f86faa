package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.monitor.DriftMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorLoaderTest {
    @TempDir
    Path dir;

    private Path spec(String monitor) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "x,c,y\n1,a,yes\n2,b,no\n");
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, "problem: { task: classification, target: y }\ndata: { source: { csv: data.csv } }\n"
                + "train: { learners: [logistic] }\nmonitor:\n" + monitor);
        return file;
    }

    @Test
    void readsEverySetting() throws IOException {
        Spec spec = SpecLoader.load(spec("""
                  drift: { method: ks, warn: 0.1, alert: 0.2, share: 0.3 }
                  window: { rows: 500, seconds: 3600, min_rows: 50 }
                  log: { sample: 0.1, retention_days: 7, retention_rows: 100000 }
                  key: c
                  alerts:
                    - { when: "drift_share > 0.3", webhook: "http://127.0.0.1:9000/hook", cooldown_s: 60 }
                    - { when: "accuracy < 0.7" }
                  retrain:
                    on: [drift, schedule, data]
                    schedule: "0 3 * * *"
                    min_labels: 40
                    margin: 0.01
                    rollback: { margin: 0.05, min_labels: 30 }
                """));
        MonitorSettings s = spec.monitor().settings();
        assertThat(spec.monitor().driftAlert()).isEqualTo(0.2);
        assertThat(s.method()).isEqualTo(DriftMethod.KS);
        assertThat(s.datasetShare()).isEqualTo(0.3);
        assertThat(s.window()).isEqualTo(new MonitorSettings.Window(500, 3600, 50));
        assertThat(s.log()).isEqualTo(new MonitorSettings.Log(0.1, 7, 100_000));
        assertThat(s.key()).isEqualTo("c");
        assertThat(s.alerts()).hasSize(2);
        assertThat(s.alerts().get(0).webhook()).isEqualTo("http://127.0.0.1:9000/hook");
        assertThat(s.alerts().get(0).cooldownSeconds()).isEqualTo(60);
        assertThat(s.alerts().get(1).when().test(Map.of("accuracy", 0.6))).isTrue();
        assertThat(s.alerts().get(1).webhook()).isNull();
        assertThat(s.retrain().on()).isEqualTo(Set.of("drift", "schedule", "data"));
        assertThat(s.retrain().schedule().toString()).isEqualTo("0 3 * * *");
        assertThat(s.retrain().minLabels()).isEqualTo(40);
        assertThat(s.retrain().rollbackMargin()).isEqualTo(0.05);
        assertThat(s.retrain().rollbackLabels()).isEqualTo(30);
    }

    @Test
    void reportsEveryProblemWithItsPathAndLine() throws IOException {
        Path file = spec("""
                  log: { sample: 2 }
                  alerts:
                    - { when: "drift_shares > 0.3" }
                    - { when: "accuracy < 0.7", webhook: "ftp://x" }
                    - { webhook: "http://127.0.0.1/" }
                  retrain: { on: [drift, schedule], schedule: "0 25 * * *" }
                """);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(file));
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactlyInAnyOrder("monitor.log.sample",
                "monitor.alerts[0].when", "monitor.alerts[1].webhook", "monitor.alerts[2]", "monitor.retrain.schedule");
        assertThat(e.problems()).extracting(SpecProblem::message).anyMatch(m -> m.contains("unknown value 'drift_shares'"))
                .anyMatch(m -> m.contains("expected an http:// or https:// URL"))
                .anyMatch(m -> m.contains("hour: 25 is outside [0, 23]"));
        assertThat(e.problems()).extracting(SpecProblem::line).contains(5, 9);
    }

    @Test
    void scheduleTriggerNeedsASchedule() throws IOException {
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(spec("  retrain: { on: [schedule] }\n")));
        assertThat(e.problems()).extracting(SpecProblem::message).containsExactly(
                "retrain on schedule needs 'schedule' (cron, such as \"0 3 * * *\")");
        assertThat(List.of(e.problems().get(0).path())).containsExactly("monitor.retrain");
    }
}
