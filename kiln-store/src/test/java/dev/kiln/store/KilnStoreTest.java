package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilnStoreTest {
    @TempDir
    Path kilnDir;

    @Test
    void dataSurvivesReopening() {
        String runId;
        try (var store = KilnStore.open(kilnDir)) {
            runId = store.startRun("churn", "s", "d", "0.1.0").id();
            store.logMetrics(runId, Map.of("valid.roc_auc", 0.9));
            store.finishRun(runId, Run.FINISHED);
            store.registerModel("churn", runId, Path.of("b.kiln"), Map.of("valid.roc_auc", 0.9), true);
            store.setStage("churn", 1, ModelVersion.PRODUCTION);
        }
        try (var store = KilnStore.open(kilnDir)) {
            Run run = store.run(runId).orElseThrow();
            assertThat(run.status()).isEqualTo(Run.FINISHED);
            assertThat(run.metrics()).containsEntry("valid.roc_auc", 0.9);
            assertThat(store.resolve("churn@production").orElseThrow().runId()).isEqualTo(runId);
            assertThat(store.registerModel("churn", runId, Path.of("b2.kiln"), Map.of(), true).version()).isEqualTo(2);
        }
        assertThat(kilnDir.resolve("kiln.db")).isRegularFile();
        assertThat(kilnDir.resolve("artifacts")).isDirectory();
    }

    @Test
    void sqliteRunsInWalMode() throws Exception {
        KilnStore.open(kilnDir).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + kilnDir.resolve("kiln.db"));
             var rows = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void twoStoresOnOneFileSeeEachOther() {
        try (var first = KilnStore.open(kilnDir); var second = KilnStore.open(kilnDir)) {
            String runId = first.startRun("churn", null, null, null).id();
            second.logParams(runId, Map.of("seed", "7"));
            assertThat(first.run(runId).orElseThrow().params()).containsEntry("seed", "7");
        }
    }

    @Test
    void newerSchemaIsRefusedWithAClearMessage() throws Exception {
        KilnStore.open(kilnDir).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + kilnDir.resolve("kiln.db"));
             var insert = connection.prepareStatement("INSERT INTO " + Migrations.HISTORY_TABLE
                     + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time,"
                     + " success) VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)")) {
            insert.executeUpdate();
        }

        assertThatThrownBy(() -> KilnStore.open(kilnDir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("99").hasMessageContaining("newer").hasMessageContaining("upgrade Kiln");
    }

    @Test
    void closedStoreRefusesCallsAndClosesTwice() {
        var store = KilnStore.open(kilnDir);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.runs(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void unsupportedUrlIsRejected() {
        assertThatThrownBy(() -> KilnStore.open(kilnDir, "jdbc:mysql://x/y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mysql://x/y")
                .hasMessageContaining("jdbc:postgresql:");
    }
}
