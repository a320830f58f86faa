package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage collection deletes exactly what nothing refers to, and records it. */
class GarbageCollectorTest {
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

    private Path runWithBundle(String status) throws IOException {
        Run run = store.startRun("churn", null, null, null);
        Path dir = store.artifactDir(run.id());
        Files.writeString(dir.resolve("profile.json"), "{}");
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("manifest.json"), "{}");
        if (Run.FINISHED.equals(status)) {
            store.registerModel("churn", run.id(), bundle, Map.of(), true);
        }
        if (!Run.RUNNING.equals(status)) {
            store.finishRun(run.id(), status);
        }
        return dir;
    }

    @Test
    void deletesOrphansFailedRunsAndTemporariesButKeepsTheRest() throws IOException {
        Path finished = runWithBundle(Run.FINISHED);
        Path failed = runWithBundle(Run.FAILED);
        Path running = runWithBundle(Run.RUNNING);
        Files.createDirectories(running.resolve(".bundle-123"));
        Path temporary = Files.createDirectories(finished.resolve(".bundle-456"));
        Path orphan = Files.createDirectories(kilnDir.resolve("artifacts/runs/20260101-000000-000-orphan0000"));
        Files.writeString(orphan.resolve("x"), "12345");

        var dryRun = store.collectGarbage(true, null);
        assertThat(dryRun).extracting(ArtifactDeletion::path).containsExactlyInAnyOrder(failed, temporary, orphan);
        assertThat(orphan).exists();
        assertThat(store.audit(null, 100)).noneMatch(e -> e.action().equals(AuditEntry.GC));

        var deleted = store.collectGarbage(false, "disk full");
        assertThat(deleted).hasSize(3);
        assertThat(deleted).filteredOn(d -> d.path().equals(orphan)).singleElement()
                .satisfies(d -> assertThat(d.bytes()).isEqualTo(5));
        assertThat(failed).doesNotExist();
        assertThat(temporary).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(finished.resolve("bundle/manifest.json")).exists();
        assertThat(running.resolve(".bundle-123")).exists();
        assertThat(kilnDir.resolve("artifacts/trash")).isEmptyDirectory();
        assertThat(store.audit(null, 100)).filteredOn(e -> e.action().equals(AuditEntry.GC)).hasSize(3)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo("disk full"));
        assertThat(store.collectGarbage(false, null)).isEmpty();
    }

    @Test
    void finishesAnInterruptedDeletion() throws IOException {
        Path leftover = Files.createDirectories(kilnDir.resolve("artifacts/trash/20260101-abc-1"));
        Files.writeString(leftover.resolve("f"), "x");

        assertThat(store.collectGarbage(false, null)).extracting(ArtifactDeletion::why)
                .containsExactly("unfinished deletion");
        assertThat(leftover).doesNotExist();
    }
}
