package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracking and registry through the real {@code kiln} command: two runs started at once on one store, then
 * {@code runs list/show/compare}, aliases with promote, rollback and archive, the audit log, and {@code gc}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private Path store;
    private List<JsonNode> runs;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome kiln(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withStore = new String[args.length + 2];
        System.arraycopy(args, 0, withStore, 0, args.length);
        withStore[args.length] = "--store";
        withStore[args.length + 1] = store.toString();
        int code = Kiln.execute(withStore, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    private JsonNode json(String... args) throws Exception {
        Outcome outcome = kiln(args);
        assertThat(outcome.code()).as(outcome.err()).isZero();
        return JSON.readTree(outcome.out());
    }

    @BeforeAll
    void twoRunsAtOnce() throws Exception {
        Examples.copy("titanic", work);
        store = work.resolve(".kiln");
        var first = CompletableFuture.supplyAsync(() -> run());
        var second = CompletableFuture.supplyAsync(() -> run());
        runs = List.of(first.get(), second.get());
    }

    private JsonNode run() {
        try {
            CliProcess.Result result = CliProcess.run(work, Map.of("KILN_USER", "alice"), "run", "pipeline.yaml", "--json");
            assertThat(result.exitCode()).as(result.err()).isZero();
            return JSON.readTree(result.out());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void concurrentRunsBothSucceedWithDistinctVersions() throws Exception {
        assertThat(runs).extracting(r -> r.get("registered").get("version").asInt()).containsExactlyInAnyOrder(1, 2);
        JsonNode list = json("runs", "list", "--json");
        assertThat(list).hasSize(2);
        assertThat(list).allSatisfy(r -> {
            assertThat(r.get("status").asText()).isEqualTo("finished");
            assertThat(r.get("user").asText()).isEqualTo("alice");
        });
        assertThat(json("models", "--json")).extracting(v -> v.get("ref").asText())
                .containsExactly("titanic:1", "titanic:2");
    }

    @Test
    @Order(2)
    void runShowRecordsSpecDataArtifactsAndTimings() throws Exception {
        String id = json("runs", "--json").get(0).get("id").asText();
        JsonNode run = json("runs", "show", id, "--json");

        assertThat(run.get("spec_hash").asText()).isNotBlank();
        assertThat(run.get("data_hash").asText()).hasSize(64);
        assertThat(run.get("kiln_version").asText()).isNotBlank();
        assertThat(run.get("params").get("chosen").asText()).isNotBlank();
        assertThat(run.get("metrics").get("test.roc_auc").asDouble()).isGreaterThan(0.8);
        assertThat(run.get("timings").has("train")).isTrue();
        assertThat(run.get("finished").asText()).isNotBlank();
        var paths = run.get("artifacts").findValuesAsText("path");
        assertThat(paths).contains(RunCommand.SPEC_COPY, "profile.json", "bundle/manifest.json");
        Path artifactDir = Path.of(run.get("artifact_dir").asText());
        assertThat(artifactDir.resolve(RunCommand.SPEC_COPY)).hasSameTextualContentAs(work.resolve("pipeline.yaml"));
        assertThat(run.get("artifacts").get(0).get("sha256").asText()).hasSize(64);
        assertThat(kiln("runs", "show", id).out()).contains("bundle/manifest.json", "test.roc_auc");
        assertThat(kiln("runs", "show", "nosuchrun").code()).isEqualTo(2);
        assertThat(json("runs", "show", id.substring(0, id.length() - 6), "--json").get("id").asText()).isEqualTo(id);
        assertThat(kiln("runs", "show", "2").err()).contains("matches 2 runs");
    }

    @Test
    @Order(3)
    void runsAreSearchableAndComparable() throws Exception {
        assertThat(json("runs", "list", "--where", "test.roc_auc >= 0.5", "--json")).hasSize(2);
        assertThat(json("runs", "list", "--where", "test.roc_auc > 1.5", "--json")).isEmpty();
        assertThat(json("runs", "list", "--status", "failed", "--json")).isEmpty();
        assertThat(json("runs", "list", "--status", "stale", "--json")).isEmpty();
        assertThat(json("runs", "list", "--name", "titanic", "--limit", "1", "--json")).hasSize(1);
        assertThat(kiln("runs", "list", "--where", "roc_auc about 3").code()).isEqualTo(2);

        JsonNode list = json("runs", "--json");
        String a = list.get(0).get("id").asText();
        String b = list.get(1).get("id").asText();
        JsonNode compare = json("runs", "compare", a, b, "--json");
        assertThat(compare.get("metrics").get("test.roc_auc").get("differs").asBoolean()).isFalse();
        assertThat(compare.get("params").get("seed").get("a").asText()).isEqualTo("7");
        assertThat(kiln("runs", "compare", a, b).out()).contains("metrics:", "test.roc_auc");
    }

    @Test
    @Order(4)
    void aliasesMoveRollBackAndAreAudited() throws Exception {
        CliProcess.Result promoted = CliProcess.run(work, Map.of("KILN_USER", "bob"), "models", "promote", "titanic", "1",
                "--alias", "champion", "--reason", "first good model", "--store", store.toString());
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        assertThat(promoted.out()).contains("titanic@champion: (none) -> titanic:1");
        assertThat(kiln("models", "promote", "titanic", "2", "--reason", "retrained").out())
                .contains("titanic@champion: titanic:1 -> titanic:2");
        assertThat(kiln("models", "promote", "titanic", "2", "--alias", "challenger").code()).isZero();
        assertThat(kiln("models", "promote", "titanic", "2", "--alias", "Bad Alias").code()).isEqualTo(2);

        JsonNode show = json("models", "show", "titanic", "--json");
        assertThat(show.get("aliases").get("champion").asInt()).isEqualTo(2);
        assertThat(kiln("models", "list").out()).contains("challenger,champion");

        JsonNode back = json("models", "rollback", "titanic", "--reason", "worse in production", "--json");
        assertThat(back.get("from").asInt()).isEqualTo(2);
        assertThat(back.get("to").asInt()).isEqualTo(1);
        assertThat(kiln("models", "archive", "titanic", "1").code()).isEqualTo(2);
        assertThat(kiln("models", "archive", "titanic", "2").code()).isEqualTo(2);
        kiln("models", "rollback", "titanic", "--alias", "challenger");
        assertThat(kiln("models", "archive", "titanic", "2", "--reason", "superseded").out()).contains("titanic:2 archived");

        JsonNode history = json("models", "history", "titanic", "--json");
        assertThat(history).extracting(e -> e.get("action").asText()).containsExactly("archive", "rollback",
                "rollback", "promote", "promote", "promote", "register", "register");
        JsonNode firstPromote = history.get(5);
        assertThat(firstPromote.get("actor").asText()).isEqualTo("bob");
        assertThat(firstPromote.get("reason").asText()).isEqualTo("first good model");
        assertThat(history.get(7).get("actor").asText()).isEqualTo("alice");
        assertThat(kiln("audit").out()).contains("worse in production", "superseded");
    }

    @Test
    @Order(5)
    void gcDeletesOnlyUnreferencedArtifactsAndRecordsIt() throws Exception {
        Path orphan = Files.createDirectories(store.resolve("artifacts/runs/20260101-000000-000-orphan0000"));
        Files.writeString(orphan.resolve("profile.json"), "{}");
        // data that reads fine but has a single class fails the run after it started (at the split stage)
        String data = Files.readString(work.resolve("data/titanic.csv"));
        Files.writeString(work.resolve("data/broken.csv"), data.replaceAll("(?m)^(\\d+),1,", "$1,0,"));
        Files.writeString(work.resolve("broken.yaml"), Files.readString(work.resolve("pipeline.yaml"))
                .replace("data/titanic.csv", "data/broken.csv"));
        CliProcess.Result failed = CliProcess.run(work, "run", "broken.yaml");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isNotZero();
        JsonNode failedRuns = json("runs", "--status", "failed", "--json");
        assertThat(failedRuns).hasSize(1);
        String failedId = failedRuns.get(0).get("id").asText();
        assertThat(json("runs", "show", failedId, "--json").get("artifacts").findValuesAsText("path"))
                .contains(RunCommand.SPEC_COPY);

        JsonNode dry = json("gc", "--dry-run", "--json");
        assertThat(dry.get("deleted")).hasSize(2);
        assertThat(orphan).exists();
        JsonNode done = json("gc", "--reason", "cleanup", "--json");
        assertThat(done.get("deleted").findValuesAsText("why")).containsExactlyInAnyOrder("orphan", "failed run");
        assertThat(orphan).doesNotExist();
        assertThat(store.resolve("artifacts/runs").resolve(failedId)).doesNotExist();
        assertThat(json("audit", "--json").get(0).get("action").asText()).isEqualTo("gc");
        assertThat(kiln("runs", "show", failedId).out()).contains("(deleted)");
        for (JsonNode version : json("models", "--json")) {
            assertThat(Path.of(version.get("bundle").asText()).resolve("manifest.json")).exists();
        }
    }
}
