package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path kilnDir;
    private KilnStore store;
    private String runId;

    @BeforeEach
    void open() {
        store = KilnStore.open(kilnDir);
        runId = store.startRun("churn", null, null, null).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ModelVersion register(String name) {
        return store.registerModel(name, runId, Path.of("bundles", name + ".kiln"), Map.of("roc_auc", 0.8), true);
    }

    @Test
    void versionsIncrementPerName() {
        assertThat(register("churn").version()).isEqualTo(1);
        assertThat(register("churn").version()).isEqualTo(2);
        assertThat(register("fraud").version()).isEqualTo(1);
        ModelVersion third = register("churn");

        assertThat(third.version()).isEqualTo(3);
        assertThat(third.stage()).isEqualTo(ModelVersion.NONE);
        assertThat(store.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 2, 3);
        assertThat(store.version("churn", 3)).contains(third);
        assertThat(store.modelNames()).containsExactly("churn", "fraud");
        assertThat(store.versions("nothing")).isEmpty();
    }

    @Test
    void registeredVersionRoundTrips() {
        var registered = store.registerModel("churn", null, Path.of("/tmp/b.kiln"),
                Map.of("valid.roc_auc", 0.91, "valid.log_loss", 0.2), false);

        ModelVersion read = store.version("churn", 1).orElseThrow();
        assertThat(read).isEqualTo(registered);
        assertThat(read.runId()).isNull();
        assertThat(read.accepted()).isFalse();
        assertThat(read.bundlePath()).isEqualTo(Path.of("/tmp/b.kiln"));
        assertThat(read.metrics()).containsExactly(Map.entry("valid.log_loss", 0.2), Map.entry("valid.roc_auc", 0.91));
        assertThat(read.ref()).isEqualTo("churn:1");
    }

    @Test
    void resolvesNameVersionAndStageReferences() {
        register("churn");
        register("churn");
        register("churn");
        store.setStage("churn", 2, ModelVersion.PRODUCTION);
        store.setStage("churn", 1, ModelVersion.STAGING);

        assertThat(store.resolve("churn").orElseThrow().version()).isEqualTo(3);
        assertThat(store.resolve("churn:1").orElseThrow().version()).isEqualTo(1);
        assertThat(store.resolve("churn@production").orElseThrow().version()).isEqualTo(2);
        assertThat(store.resolve("churn@staging").orElseThrow().version()).isEqualTo(1);
        assertThat(store.resolve("churn@archived")).isEmpty();
        assertThat(store.resolve("churn:9")).isEmpty();
        assertThat(store.resolve("unknown")).isEmpty();
    }

    @Test
    void malformedReferencesNameTheProblem() {
        assertThatThrownBy(() -> store.resolve("churn@Live")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Live'").hasMessageContaining("lower-case");
        assertThat(store.resolve("churn@live")).isEmpty();
        assertThatThrownBy(() -> store.resolve("churn:two")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'two'");
        assertThatThrownBy(() -> store.resolve("churn:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.resolve("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.resolve("a b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a b'");
    }

    @Test
    void promotionToProductionArchivesThePreviousOne() {
        register("churn");
        register("churn");
        register("churn");
        store.setStage("churn", 1, ModelVersion.PRODUCTION);
        store.setStage("churn", 3, ModelVersion.STAGING);

        ModelVersion promoted = store.setStage("churn", 2, ModelVersion.PRODUCTION);

        assertThat(promoted.stage()).isEqualTo(ModelVersion.PRODUCTION);
        assertThat(store.versions("churn")).extracting(ModelVersion::stage)
                .containsExactly(ModelVersion.ARCHIVED, ModelVersion.PRODUCTION, ModelVersion.STAGING);
        assertThat(store.setStage("churn", 2, ModelVersion.PRODUCTION).stage()).isEqualTo(ModelVersion.PRODUCTION);
        assertThat(store.versions("churn")).filteredOn(v -> v.stage().equals(ModelVersion.PRODUCTION)).hasSize(1);
    }

    @Test
    void badStageOrModelIsRejectedWithAllowedValues() {
        register("churn");

        assertThatThrownBy(() -> store.setStage("churn", 1, "live")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'live'").hasMessageContaining("[none, staging, production, archived]");
        assertThatThrownBy(() -> store.setStage("fraud", 1, ModelVersion.STAGING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fraud'")
                .hasMessageContaining("[churn]");
        assertThatThrownBy(() -> store.setStage("churn", 5, ModelVersion.STAGING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown version 5").hasMessageContaining("1..1");
        assertThatThrownBy(() -> store.registerModel("churn", "20260101-000000-000-nosuchrun0", Path.of("b"),
                Map.of(), true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuchrun0");
        assertThatThrownBy(() -> store.registerModel("churn:2", null, Path.of("b"), Map.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'churn:2'");
        assertThat(store.versions("churn")).hasSize(1);
    }

    @Test
    void concurrentRegistrationsGetDistinctVersions() throws Exception {
        int threads = 4;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CountDownLatch(1);
            var tasks = new ArrayList<Callable<List<Integer>>>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    start.await();
                    var versions = new ArrayList<Integer>();
                    for (int i = 0; i < perThread; i++) {
                        versions.add(register("churn").version());
                    }
                    return versions;
                });
            }
            var futures = new ArrayList<Future<List<Integer>>>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            start.countDown();
            var all = new ArrayList<Integer>();
            for (Future<List<Integer>> future : futures) {
                all.addAll(future.get(60, TimeUnit.SECONDS));
            }
            int n = threads * perThread;
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
            assertThat(store.versions("churn")).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
