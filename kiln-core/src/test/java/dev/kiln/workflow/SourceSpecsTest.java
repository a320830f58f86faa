package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.source.CsvSource;
import dev.kiln.data.source.HttpSource;
import dev.kiln.data.source.JdbcSource;
import dev.kiln.data.source.LogSource;
import dev.kiln.data.source.MqttSource;
import dev.kiln.data.source.ParquetSource;
import dev.kiln.data.source.Source;
import dev.kiln.data.source.SqlSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source mappings as written in specs and source spec files: every kind, and problems with path and line. */
class SourceSpecsTest {
    @TempDir
    Path dir;

    private Source load(String yaml) throws Exception {
        Path file = dir.resolve("source.yaml");
        Files.writeString(file, yaml);
        return SourceSpecs.load(file);
    }

    @Test
    void readsEveryKind() throws Exception {
        assertThat(load("csv: data/*.csv\ndelimiter: \";\"\nencoding: ISO-8859-1\n"))
                .isEqualTo(new CsvSource("data/*.csv", ';', '"', "ISO-8859-1"));
        assertThat(load("source: {parquet: d.parquet}\n")).isEqualTo(new ParquetSource("d.parquet"));
        assertThat(load("jdbc: {url: 'jdbc:postgresql://h/db', query: 'SELECT * FROM t WHERE a = ?', params: [3], "
                + "user_env: PGUSER, password_env: PGPASSWORD}\n"))
                .isEqualTo(new JdbcSource("jdbc:postgresql://h/db", null, "SELECT * FROM t WHERE a = ?", List.of("3"), "PGUSER", "PGPASSWORD"));
        HttpSource http = (HttpSource) load("http:\n  url: https://api.example.com/items\n  records: data.items\n"
                + "  paging: {kind: cursor, param: after, next: meta.next}\n  auth: {bearer_env: API_TOKEN}\n  timeout_s: 5\n  retries: 2\n");
        assertThat(http.paging()).isEqualTo(new HttpSource.Paging("cursor", "after", "meta.next", 0, 0, null));
        assertThat(http.bearerEnv()).isEqualTo("API_TOKEN");
        assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(load("mqtt: {broker: 'tcp://127.0.0.1:1883', topic: sensors/#, count: 10, duration_s: 30}\n"))
                .isEqualTo(new MqttSource("tcp://127.0.0.1:1883", List.of("sensors/#"), 10, Duration.ofSeconds(30), 0, null, null));
        assertThat(load("log: app.log\npattern: '(?<level>[A-Z]+) (?<msg>.*)'\non_error: skip\n"))
                .isEqualTo(new LogSource("app.log", "(?<level>[A-Z]+) (?<msg>.*)", false, "skip"));
        SqlSource sql = (SqlSource) load("sql:\n  query: SELECT * FROM a JOIN b USING (id)\n  sources:\n    a: {csv: a.csv}\n    b: {json: b.json}\n");
        assertThat(sql.sources()).containsOnlyKeys("a", "b");
    }

    @Test
    void reportsEveryProblemWithPathAndLine() throws Exception {
        assertThatThrownBy(() -> load("jdbc:\n  url: 'jdbc:postgresql://h/db'\n  password: hunter2\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(":3: jdbc.password: unknown key 'password'")
                .hasMessageContaining(":2: jdbc: jdbc source needs exactly one of table and query");
        assertThatThrownBy(() -> load("csv: a.csv\nparquet: b.parquet\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining("expected exactly one source kind");
        assertThatThrownBy(() -> load("http: {url: 'ftp://x', paging: {kind: sideways}}\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining("http.paging.kind: unknown value 'sideways'");
        assertThatThrownBy(() -> load("parquet: a.parquet\ndelimiter: ','\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining("'delimiter' does not apply to a parquet source");
    }

    @Test
    void csvTakesHeaderColumnsAndOnError() throws Exception {
        assertThat(load("csv: raw.csv\nheader: false\ncolumns: [id, amount]\non_error: skip\n"))
                .isEqualTo(new CsvSource("raw.csv", null, '"', null, false, List.of("id", "amount"), "skip"));
        assertThat(load("csv: raw.csv\nheader: no\n"))
                .isEqualTo(new CsvSource("raw.csv", null, '"', null, false, List.of(), "fail"));
        assertThatThrownBy(() -> load("csv: raw.csv\ncolumns: [a, b]\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining(":2: columns: columns name the fields of a file without a header row");
        assertThatThrownBy(() -> load("csv: raw.csv\nheader: false\ncolumns: [a, a]\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining(":3: columns: duplicate column name 'a'");
        assertThatThrownBy(() -> load("csv: raw.csv\non_error: ignore\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining(":2: on_error: unknown value 'ignore'");
        assertThatThrownBy(() -> load("csv: raw.csv\nheader: maybe\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining(":2: header: expected true or false, found 'maybe'");
    }

    @Test
    void recognisesSourceSpecFiles() throws Exception {
        Path spec = dir.resolve("s.json");
        Files.writeString(spec, "{\"jdbc\": {\"url\": \"jdbc:sqlite:x.db\", \"table\": \"t\"}}");
        assertThat(SourceSpecs.looksLikeSourceSpec(spec)).isTrue();
        Path data = dir.resolve("d.json");
        Files.writeString(data, "[{\"a\": 1}]");
        assertThat(SourceSpecs.looksLikeSourceSpec(data)).isFalse();
    }
}
