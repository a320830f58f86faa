package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
    @TempDir
    Path kilnDir;
    private KilnStore store;

    @BeforeEach
    void open() {
        store = KilnStore.open(kilnDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void runLifecycleFromStartToFinish() {
        Instant before = Instant.now().minusMillis(1);
        Run started = store.startRun("churn", "spec1", "data1", "0.1.0");

        assertThat(started.status()).isEqualTo(Run.RUNNING);
        assertThat(started.started()).isAfter(before);
        assertThat(started.finished()).isNull();
        assertThat(store.run(started.id())).contains(started);

        store.logParams(started.id(), Map.of("learner", "gbm", "seed", "7"));
        store.logTimings(started.id(), Map.of("train", 1.5));
        store.finishRun(started.id(), Run.FINISHED);

        Run finished = store.run(started.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(Run.FINISHED);
        assertThat(finished.finished()).isAfterOrEqualTo(finished.started());
        assertThat(finished.params()).containsExactly(Map.entry("learner", "gbm"), Map.entry("seed", "7"));
        assertThat(finished.timings()).containsExactly(Map.entry("train", 1.5));
        assertThat(finished.specHash()).isEqualTo("spec1");
        assertThat(finished.dataHash()).isEqualTo("data1");
        assertThat(finished.kilnVersion()).isEqualTo("0.1.0");
    }

    @Test
    void metricsRoundTripAndMerge() {
        String id = store.startRun("churn", null, null, null).id();
        store.logMetrics(id, Map.of("valid.logistic.roc_auc", 0.8125, "valid.gbm.log_loss", 0.3));
        store.logMetrics(id, Map.of("valid.gbm.log_loss", 0.25, "test.gbm.roc_auc", Double.NaN,
                "train.rows", 1e300, "tiny", Double.MIN_VALUE));

        assertThat(store.run(id).orElseThrow().metrics()).containsOnly(
                Map.entry("valid.logistic.roc_auc", 0.8125), Map.entry("valid.gbm.log_loss", 0.25),
                Map.entry("test.gbm.roc_auc", Double.NaN), Map.entry("train.rows", 1e300),
                Map.entry("tiny", Double.MIN_VALUE));
    }

    @Test
    void runIdsAreSortableAndUnique() {
        var ids = new HashSet<String>();
        String previous = "";
        for (int i = 0; i < 50; i++) {
            String id = store.startRun("r" + i, null, null, null).id();
            assertThat(id).matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-z]{10}");
            assertThat(id.substring(0, 19)).isGreaterThanOrEqualTo(previous);
            previous = id.substring(0, 19);
            ids.add(id);
        }
        assertThat(ids).hasSize(50);
        assertThat(RunIds.next(Instant.EPOCH)).isNotEqualTo(RunIds.next(Instant.EPOCH));
    }

    @Test
    void runsAreListedNewestFirst() {
        String first = store.startRun("a", null, null, null).id();
        String second = store.startRun("b", null, null, null).id();
        String third = store.startRun("c", null, null, null).id();

        assertThat(store.runs(10)).extracting(Run::name).startsWith("c").contains("a", "b").hasSize(3);
        assertThat(store.runs(2)).hasSize(2);
        assertThat(store.runs(10).get(2).started()).isBeforeOrEqualTo(store.runs(10).get(0).started());
        assertThat(first).isNotEqualTo(second).isNotEqualTo(third);
    }

    @Test
    void artifactDirIsCreatedUnderTheStore() {
        Run run = store.startRun("churn", null, null, null);
        Path dir = store.artifactDir(run.id());

        assertThat(dir).isDirectory().isEqualTo(kilnDir.resolve("artifacts/runs/" + run.id()));
        assertThat(run.artifactDir()).isEqualTo(dir);
        assertThat(Files.isDirectory(store.artifactDir(run.id()))).isTrue();
    }

    @Test
    void badInputNamesTheValue() {
        String id = store.startRun("churn", null, null, null).id();

        assertThatThrownBy(() -> store.finishRun(id, "done"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'done'")
                .hasMessageContaining("finished").hasMessageContaining("failed");
        assertThatThrownBy(() -> store.logMetrics("20260101-000000-000-nosuchrun0", Map.of("auc", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuchrun0");
        assertThatThrownBy(() -> store.artifactDir("../escape"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape");
        assertThatThrownBy(() -> store.startRun(" ", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);

        store.finishRun(id, Run.FAILED);
        assertThatThrownBy(() -> store.finishRun(id, Run.FINISHED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failed");
        assertThat(store.run(id).orElseThrow().status()).isEqualTo(Run.FAILED);
    }

    @Test
    void unknownRunIsEmpty() {
        assertThat(store.run("20260101-000000-000-nosuchrun0")).isEmpty();
        assertThat(store.runs(5)).isEmpty();
    }

    @Test
    void searchFiltersByNameAndStatusNewestFirst() {
        Run a = store.startRun("churn", null, null, null);
        Run b = store.startRun("fraud", null, null, null);
        Run c = store.startRun("churn", null, null, null);
        store.finishRun(a.id(), Run.FINISHED);
        store.finishRun(b.id(), Run.FAILED);

        assertThat(store.runs("churn", null, 10)).extracting(Run::id).containsExactly(c.id(), a.id());
        assertThat(store.runs(null, Run.FAILED, 10)).extracting(Run::id).containsExactly(b.id());
        assertThat(store.runs("churn", Run.RUNNING, 10)).extracting(Run::id).containsExactly(c.id());
        assertThat(store.runs(null, null, 1)).hasSize(1);
        assertThatThrownBy(() -> store.runs(null, "done", 1)).hasMessageContaining("'done'");
    }

    @Test
    void artifactsAreCopiedAtomicallyAndRecordedWithChecksums() throws Exception {
        Run run = store.startRun("churn", null, null, null);
        Path spec = Files.writeString(kilnDir.resolve("pipeline.yaml"), "name: churn\n");
        store.saveArtifact(run.id(), "pipeline.yaml", spec);
        Files.createDirectories(run.artifactDir().resolve(".bundle-tmp"));
        Files.writeString(run.artifactDir().resolve(".bundle-tmp/ignored"), "x");

        var files = store.recordArtifacts(run.id());

        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("pipeline.yaml");
            assertThat(f.size()).isEqualTo(12);
            assertThat(f.sha256()).hasSize(64);
        });
        assertThat(store.run(run.id()).orElseThrow().artifacts()).isEqualTo(files);
        assertThatThrownBy(() -> store.saveArtifact(run.id(), "../x", spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunKnowsItsProcessAndIsStaleOnlyWhenThatProcessIsGone() {
        Run run = store.startRun("churn", null, null, null);

        assertThat(run.process().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(run.process().user()).isEqualTo(store.actor());
        assertThat(store.run(run.id()).orElseThrow().stale()).isFalse();
        Run dead = new Run(run.id(), run.name(), Run.RUNNING, run.started(), null, null, null, null, Map.of(), Map.of(),
                Map.of(), run.artifactDir(), new RunProcess("u", run.process().host(), Long.MAX_VALUE), java.util.List.of());
        assertThat(dead.stale()).isTrue();
        Run elsewhere = new Run(run.id(), run.name(), Run.RUNNING, run.started(), null, null, null, null, Map.of(),
                Map.of(), Map.of(), run.artifactDir(), new RunProcess("u", "other-host", Long.MAX_VALUE), java.util.List.of());
        assertThat(elsewhere.stale()).isFalse();
    }
}
