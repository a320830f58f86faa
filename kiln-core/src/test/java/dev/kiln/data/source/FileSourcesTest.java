package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV, JSON and log files: globs, compression, encodings, delimiters, and errors that name file and line. */
class FileSourcesTest {
    @TempDir
    Path dir;

    private SourceContext context() {
        return SourceContext.of(dir);
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aGlobOfCsvFilesReadsAsOneFile() throws Exception {
        write("parts/a.csv", "id,city,score\n1,Oslo,0.5\n2,Rome,1.5\n");
        write("parts/b.csv", "id,city,score\n3,Lima,2\n4,Oslo,\n");
        Frame glob = CsvSource.of("parts/*.csv").read(context());
        Frame whole = CsvReader.read(new java.io.StringReader("id,city,score\n1,Oslo,0.5\n2,Rome,1.5\n3,Lima,2\n4,Oslo,\n"),
                "x", CsvOptions.defaults());
        assertThat(glob).isEqualTo(whole);
    }

    @Test
    void filesOfAGlobMustShareTheSchema() throws Exception {
        write("p/a.csv", "id,city\n1,Oslo\n");
        write("p/b.csv", "id,town\n2,Rome\n");
        assertThatThrownBy(() -> CsvSource.of("p/*.csv").read(context())).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("b.csv").hasMessageContaining("differ");
        write("q/a.csv", "id\n1\n");
        write("q/b.csv", "id\n1\nx\n");
        assertThatThrownBy(() -> CsvSource.of("q/*.csv").read(context())).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("b.csv:3: column 'id': expected a number, found 'x'");
        assertThatThrownBy(() -> CsvSource.of("none/*.csv").read(context())).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no files match");
    }

    @Test
    void detectsTheDelimiterAndReadsGzipAndOtherEncodings() throws Exception {
        write("semi.csv", "a;b;\"c;d\"\n1;2;x\n");
        assertThat(CsvSource.of("semi.csv").read(context()).names()).containsExactly("a", "b", "c;d");
        write("tab.tsv", "a\tb\n1\t2\n");
        assertThat(CsvSource.of("tab.tsv").read(context()).names()).containsExactly("a", "b");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("z.csv.gz")))) {
            out.write("a,b\n1,x\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(CsvSource.of("z.csv.gz").read(context()).rowCount()).isEqualTo(1);
        Files.write(dir.resolve("latin.csv"), "name,n\nJosé,1\n".getBytes(StandardCharsets.ISO_8859_1));
        Frame latin = new CsvSource("latin.csv", null, '"', "ISO-8859-1").read(context());
        assertThat(latin.column("name").format(0)).isEqualTo("José");
        assertThatThrownBy(() -> CsvSource.of("latin.csv").read(context())).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("latin.csv:").hasMessageContaining("invalid UTF-8");
    }

    @Test
    void jsonArraysAndNdjsonBecomeTypedColumns() throws Exception {
        write("a.json", "[{\"id\": 1, \"ok\": true, \"tag\": \"x\"}, {\"id\": 2.5, \"ok\": false, \"extra\": {\"k\": 1}}]");
        Frame array = new JsonSource("a.json").read(context());
        assertThat(array.names()).containsExactly("id", "ok", "tag", "extra");
        assertThat(array.column("id").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(array.column("ok").kind()).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(array.column("tag").isMissing(1)).isTrue();
        assertThat(array.column("extra").format(1)).isEqualTo("{\"k\":1}");
        write("b.ndjson", "{\"id\": 1, \"when\": \"2024-01-02\"}\n{\"id\": 2, \"when\": null}\n");
        Frame lines = new JsonSource("b.ndjson").read(context());
        assertThat(lines.column("when").kind()).isEqualTo(ColumnKind.TIMESTAMP);
        write("bad.ndjson", "{\"id\": 1}\n[1, 2]\n");
        assertThatThrownBy(() -> new JsonSource("bad.ndjson").read(context())).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("record 2").hasMessageContaining("not a JSON object");
    }

    @Test
    void logLinesByNamedGroupsOrJson() throws Exception {
        write("app.log", "2024-01-01T10:00:00Z INFO took 12 ms\n\ngarbage\n2024-01-01T10:00:01Z WARN took 40 ms\n");
        String pattern = "(?<time>\\S+) (?<level>[A-Z]+) took (?<ms>\\d+) ms";
        assertThatThrownBy(() -> new LogSource("app.log", pattern, false, "fail").read(context()))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("app.log:3: line does not match");
        List<String> notes = new ArrayList<>();
        Frame log = new LogSource("app.log", pattern, false, "skip").read(context().withNotes(notes::add));
        assertThat(log.rowCount()).isEqualTo(2);
        assertThat(log.names()).containsExactly("time", "level", "ms");
        assertThat(log.column("time").kind()).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(log.numeric("ms").get(1)).isEqualTo(40.0);
        assertThat(notes).containsExactly("log app.log: skipped 1 line(s) that did not match");
        write("app.jsonl", "{\"level\": \"INFO\", \"ms\": 3}\n{\"level\": \"WARN\", \"ms\": 4}\n");
        assertThat(new LogSource("app.jsonl", null, true, null).read(context()).rowCount()).isEqualTo(2);
    }

    @Test
    void sqlJoinsAndAggregatesOtherSources() throws Exception {
        write("orders.csv", "customer,amount\n1,10\n1,5\n2,7\n");
        write("customers.json", "[{\"id\": 1, \"name\": \"Ada\"}, {\"id\": 2, \"name\": \"Bob\"}]");
        SqlSource sql = new SqlSource("SELECT c.name, sum(o.amount) AS total FROM orders o JOIN customers c ON o.customer = c.id "
                + "GROUP BY c.name ORDER BY c.name", Map.of("orders", CsvSource.of("orders.csv"), "customers", new JsonSource("customers.json")));
        Frame frame = sql.read(context());
        assertThat(frame.column("name").format(0)).isEqualTo("Ada");
        assertThat(frame.numeric("total").get(0)).isEqualTo(15.0);
        assertThat(frame.numeric("total").get(1)).isEqualTo(7.0);
        SqlSource bad = new SqlSource("SELECT nope FROM orders", Map.of("orders", CsvSource.of("orders.csv")));
        assertThatThrownBy(() -> bad.read(context())).isInstanceOf(InvalidDataException.class).hasMessageStartingWith("sql over orders: ");
    }

    @Test
    void forcedKindsApplyToEverySource() throws Exception {
        write("k.json", "[{\"code\": 1}, {\"code\": 2}]");
        Frame frame = new JsonSource("k.json").read(context().withKinds(Map.of("code", ColumnKind.CATEGORICAL)));
        assertThat(frame.column("code").kind()).isEqualTo(ColumnKind.CATEGORICAL);
    }
}
