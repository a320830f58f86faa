package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.source.ParquetFiles;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln collect}, {@code kiln data list|show|diff} and {@code kiln run --data-version}, run in process. */
class DatasetCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome kiln(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kiln.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    private String store() {
        return work.resolve(".kiln").toString();
    }

    @Test
    void collectSkipsMalformedRowsAndReportsTheCount() throws Exception {
        Files.writeString(work.resolve("raw.csv"), "1,Oslo\n2,Rome,extra\n3,Lima\n4\n");
        Path spec = work.resolve("raw.yaml");
        Files.writeString(spec, "csv: raw.csv\nheader: false\ncolumns: [id, city]\non_error: skip\n");
        Outcome json = kiln("collect", spec.toString(), "--name", "raw", "--store", store(), "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode result = JSON.readTree(json.out());
        assertThat(result.get("rows").asInt()).isEqualTo(2);
        assertThat(result.get("notes").get(0).asText()).contains("skipped 2 malformed row(s)")
                .contains("raw.csv:2: expected 2 fields, found 3").contains("raw.csv:4: expected 2 fields, found 1");
        Outcome text = kiln("collect", spec.toString(), "--name", "raw", "--store", store());
        assertThat(text.out()).contains("note     ").contains("skipped 2 malformed row(s)");
        Files.writeString(spec, "csv: raw.csv\nheader: false\ncolumns: [id, city]\n");
        Outcome failing = kiln("collect", spec.toString(), "--name", "raw", "--store", store());
        assertThat(failing.code()).isEqualTo(2);
        assertThat(failing.err()).contains("raw.csv:2: expected 2 fields, found 3");
    }

    @Test
    void collectsListsShowsAndDiffsSnapshots() throws Exception {
        Files.createDirectories(work.resolve("d"));
        Files.writeString(work.resolve("d/a.csv"), "x,city\n1,Oslo\n2,Rome\n3,Oslo\n");
        Files.writeString(work.resolve("d/b.csv"), "x,city\n4,Lima\n");
        Outcome first = kiln("collect", work.resolve("d/*.csv").toString(), "--name", "cities", "--store", store(), "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode a = JSON.readTree(first.out());
        assertThat(a.get("snapshot").asText()).hasSize(64);
        assertThat(a.get("rows").asInt()).isEqualTo(4);
        assertThat(a.get("columns").asInt()).isEqualTo(2);
        assertThat(a.has("read_s") && a.has("write_s")).isTrue();

        Files.writeString(work.resolve("new.csv"), "x,city,extra\n10,Oslo,1\n20,Oslo,2\n");
        Outcome second = kiln("collect", work.resolve("new.csv").toString(), "--name", "cities", "--store", store(), "--json");
        String b = JSON.readTree(second.out()).get("snapshot").asText();

        Outcome list = kiln("data", "list", "--store", store());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(a.get("snapshot").asText().substring(0, 12)).contains(b.substring(0, 12)).contains("cities");

        Outcome show = kiln("data", "show", b.substring(0, 8), "--store", store());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("snapshot " + b).contains("extra").contains("numeric");

        Outcome diff = kiln("data", "diff", a.get("snapshot").asText(), b, "--store", store(), "--json");
        assertThat(diff.code()).as(diff.err()).isZero();
        JsonNode d = JSON.readTree(diff.out());
        assertThat(d.get("rows_before").asInt()).isEqualTo(4);
        assertThat(d.get("rows_after").asInt()).isEqualTo(2);
        assertThat(d.get("added").toString()).contains("extra");
        assertThat(d.get("columns").get(0).get("psi").asDouble()).isGreaterThan(0.25);
    }

    @Test
    void sourceFailuresAndBadDataHaveTheirExitCodes() throws Exception {
        Path spec = work.resolve("api.yaml");
        Files.writeString(spec, "http: {url: 'http://127.0.0.1:1/items?key=abc', retries: 0, timeout_s: 2}\n");
        Outcome unreachable = kiln("collect", spec.toString(), "--name", "api", "--store", store());
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("kiln: error: http http://127.0.0.1:1/items: ").doesNotContain("abc");
        assertThat(unreachable.err().strip().lines().count()).isEqualTo(1);

        Files.writeString(work.resolve("bad.csv"), "a,b\n1,2\n3\n");
        Outcome bad = kiln("collect", work.resolve("bad.csv").toString(), "--name", "bad", "--store", store());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.csv:3: expected 2 fields, found 1");

        Path invalid = work.resolve("invalid.yaml");
        Files.writeString(invalid, "jdbc: {url: 'jdbc:sqlite:x.db'}\n");
        Outcome problems = kiln("collect", invalid.toString(), "--name", "x", "--store", store());
        assertThat(problems.code()).isEqualTo(2);
        assertThat(problems.err()).contains("invalid.yaml:1: jdbc: jdbc source needs exactly one of table and query");
    }

    @Test
    void runsRecordTheirSnapshotAndRetrainOnExactlyIt() throws Exception {
        Path spec = Examples.copy("titanic", work).resolve("pipeline.yaml");
        Outcome run = kiln("run", spec.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        Outcome list = kiln("data", "list", "--store", store(), "--json");
        JsonNode snapshots = JSON.readTree(list.out());
        assertThat(snapshots).hasSize(1);
        String id = snapshots.get(0).get("id").asText();
        assertThat(snapshots.get(0).get("rows").asInt()).isEqualTo(891);

        Files.writeString(work.resolve("data/titanic.csv"), "changed,completely\n1,2\n"); // the source is gone
        Outcome again = kiln("run", spec.toString(), "--data-version", id.substring(0, 10), "--json");
        assertThat(again.code()).as(again.err()).isZero();
        Path manifest = Path.of(JSON.readTree(again.out()).get("bundle").asText()).resolve("manifest.json");
        assertThat(JSON.readTree(manifest.toFile()).get("lineage").get("data_hash").asText()).isEqualTo(id);

        Path file;
        try (Stream<Path> files = Files.list(work.resolve(".kiln/artifacts/datasets"))) {
            file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        ParquetFiles.write(Frame.of(NumericColumn.of("x", new double[] {1})), file);
        Outcome tampered = kiln("run", spec.toString(), "--data-version", id);
        assertThat(tampered.code()).isEqualTo(2);
        assertThat(tampered.err()).contains("snapshot " + id);
    }
}
