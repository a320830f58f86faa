package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store against a live PostgreSQL, each test in a fresh schema that is dropped afterwards. Skipped when
 * the server is unreachable; the URL comes from {@code -Dkiln.test.postgres=...} or defaults to the local test
 * database.
 */
class PostgresStoreTest {
    private static final String BASE_URL = System.getProperty("kiln.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path kilnDir;
    private String schema;
    private KilnStore store;

    @BeforeEach
    void createSchema() {
        String name = "kiln_test_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        try (Connection connection = DriverManager.getConnection(BASE_URL + "&connectTimeout=3&loginTimeout=5")) {
            connection.createStatement().execute("CREATE SCHEMA " + name);
            schema = name;
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL not reachable at " + BASE_URL + " (" + e.getMessage()
                    + "); start it or set -Dkiln.test.postgres=<jdbc url> to run this test");
        }
        store = KilnStore.open(kilnDir, url());
    }

    private String url() {
        return BASE_URL + "&currentSchema=" + schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (store != null) {
            store.close();
        }
        if (schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(BASE_URL)) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void runLifecycleAndMetricsRoundTrip() {
        Run run = store.startRun("churn", "spec", "data", "0.1.0");
        store.logParams(run.id(), Map.of("learner", "gbm"));
        store.logMetrics(run.id(), Map.of("valid.logistic.roc_auc", 0.8125, "valid.nan", Double.NaN));
        store.logTimings(run.id(), Map.of("train", 2.5));
        store.finishRun(run.id(), Run.FINISHED);

        Run read = store.run(run.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(Run.FINISHED);
        assertThat(read.started()).isEqualTo(run.started());
        assertThat(read.metrics()).containsOnly(Map.entry("valid.logistic.roc_auc", 0.8125),
                Map.entry("valid.nan", Double.NaN));
        assertThat(read.params()).containsExactly(Map.entry("learner", "gbm"));
        assertThat(read.timings()).containsExactly(Map.entry("train", 2.5));
        assertThat(store.runs(5)).extracting(Run::id).containsExactly(run.id());
        assertThat(store.jdbcUrl()).doesNotContain("user=");
    }

    @Test
    void registryResolvesAndPromotes() {
        String runId = store.startRun("churn", null, null, null).id();
        for (int i = 0; i < 3; i++) {
            store.registerModel("churn", runId, Path.of("b" + i), Map.of("auc", 0.7 + i / 10.0), i > 0);
        }
        store.setStage("churn", 1, ModelVersion.PRODUCTION);
        store.setStage("churn", 3, ModelVersion.PRODUCTION);

        assertThat(store.resolve("churn@production").orElseThrow().version()).isEqualTo(3);
        assertThat(store.resolve("churn").orElseThrow().version()).isEqualTo(3);
        assertThat(store.resolve("churn:2").orElseThrow().accepted()).isTrue();
        assertThat(store.version("churn", 1).orElseThrow().stage()).isEqualTo(ModelVersion.ARCHIVED);
        assertThat(store.modelNames()).containsExactly("churn");
        assertThatThrownBy(() -> store.setStage("churn", 2, "live")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentRegistrationsGetDistinctVersions() throws Exception {
        int threads = 4;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<List<Integer>>>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    var versions = new ArrayList<Integer>();
                    for (int i = 0; i < perThread; i++) {
                        versions.add(store.registerModel("churn", null, Path.of("b"), Map.of(), true).version());
                    }
                    return versions;
                }));
            }
            var all = new ArrayList<Integer>();
            for (var future : futures) {
                all.addAll(future.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, threads * perThread).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reopeningKeepsDataAndSchema() {
        String runId = store.startRun("churn", null, null, null).id();
        store.close();
        store = KilnStore.open(kilnDir, url());

        assertThat(store.run(runId)).isPresent();
    }

    @Test
    void aliasesRollbackArchiveAndAuditWork() {
        String runId = store.startRun("churn", null, null, null).id();
        for (int i = 0; i < 3; i++) {
            store.registerModel("churn", runId, Path.of("b" + i), Map.of(), true);
        }
        store.promote("churn", 2, "champion", "better");
        store.promote("churn", 3, "champion", null);
        store.setStage("churn", 1, ModelVersion.PRODUCTION);

        assertThat(store.resolve("churn@champion").orElseThrow().version()).isEqualTo(3);
        assertThat(store.rollback("churn", "champion", "regression").orElseThrow().version()).isEqualTo(2);
        assertThat(store.aliases("churn")).containsOnly(Map.entry("champion", 2), Map.entry("production", 1));
        assertThatThrownBy(() -> store.archive("churn", 2, null)).hasMessageContaining("[champion]");
        assertThat(store.archive("churn", 3, "old").stage()).isEqualTo(ModelVersion.ARCHIVED);

        var actions = store.audit("churn", 100).stream().map(AuditEntry::action).toList();
        assertThat(actions).containsExactly(AuditEntry.ARCHIVE, AuditEntry.ROLLBACK, AuditEntry.STAGE,
                AuditEntry.PROMOTE, AuditEntry.PROMOTE, AuditEntry.REGISTER, AuditEntry.REGISTER, AuditEntry.REGISTER);
        assertThat(store.audit("churn", 1).get(0).reason()).isEqualTo("old");
    }

    @Test
    void runSearchArtifactsAndGarbageCollection() throws Exception {
        Run failed = store.startRun("churn", null, null, null);
        java.nio.file.Files.writeString(store.artifactDir(failed.id()).resolve("profile.json"), "{}");
        store.finishRun(failed.id(), Run.FAILED);
        Run finished = store.startRun("churn", null, null, null);
        assertThat(store.recordArtifacts(finished.id())).isEmpty();
        store.finishRun(finished.id(), Run.FINISHED);

        assertThat(store.runs("churn", Run.FAILED, 10)).extracting(Run::id).containsExactly(failed.id());
        assertThat(store.run(failed.id()).orElseThrow().process().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(store.collectGarbage(false, "tidy")).extracting(ArtifactDeletion::runId).containsExactly(failed.id());
        assertThat(store.audit(null, 10)).extracting(AuditEntry::action).containsExactly(AuditEntry.GC);
    }
}
