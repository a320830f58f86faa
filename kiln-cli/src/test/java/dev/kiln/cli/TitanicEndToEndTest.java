package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.Column;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.Role;
import dev.kiln.data.source.ParquetFiles;
import dev.kiln.learn.Predictions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The titanic example through the real {@code kiln} command: run, predict, serve, drift. Checks the
 * holdout accuracy, that the bundle predicts the same in process, in {@code kiln predict} and over
 * HTTP, and that a second run with the same seed gives the same model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitanicEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private JsonNode run;
    private Path bundleDir;
    private Bundle bundle;
    private Frame data;

    @BeforeAll
    void runTheExample() throws Exception {
        Examples.copy("titanic", work);
        CliProcess.Result result = CliProcess.run(work, "run", "pipeline.yaml", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        run = JSON.readTree(result.out());
        bundleDir = Path.of(run.get("bundle").asText());
        bundle = Bundle.read(bundleDir);
        Map<String, dev.kiln.data.ColumnKind> kinds = new LinkedHashMap<>();
        bundle.pipeline().inputSchema().fields().forEach(f -> kinds.put(f.name(), f.kind()));
        data = CsvReader.read(work.resolve("data/titanic.csv"), CsvOptions.defaults().withKinds(kinds));
    }

    @Test
    void runMeetsTheAccuracyBarOnTheHoldoutAndRegistersTheModel() {
        assertThat(run.get("test_metrics").get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.75);
        assertThat(run.get("test_metrics").get("roc_auc").asDouble()).isGreaterThan(0.8);
        assertThat(run.get("accepted").asBoolean()).isTrue();
        assertThat(run.get("learners")).hasSize(3);
        assertThat(run.get("registered").get("ref").asText()).isEqualTo("titanic:1");
        assertThat(Path.of(run.get("profile").asText())).exists();
        assertThat(Path.of(run.get("profile").asText()).resolveSibling("eval.html")).content()
                .contains("\"leaderboard\":[{\"label\":\"logistic\"", "\"learning_curve\":{\"metric\":\"roc_auc\"");
        assertThat(bundleDir.resolve("manifest.json")).exists();
        assertThat(bundle.manifest().lineage().dataHash()).hasSize(64);
        assertThat(bundle.manifest().lineage().runId()).isNotBlank();
    }

    @Test
    void predictCommandMatchesInProcessPredictions() throws Exception {
        Predictions expected = bundle.pipeline().predict(data);
        CliProcess.Result result = CliProcess.run(work, "predict", bundleDir.toString(), "--data", "data/titanic.csv",
                "--out", "predictions.csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Frame written = CsvReader.read(work.resolve("predictions.csv"), CsvOptions.defaults());
        assertThat(written.names()).containsExactly("prediction", "probability_0", "probability_1");
        assertThat(written.rowCount()).isEqualTo(891);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(written.column("prediction").format(i)).isEqualTo(expected.label(i));
            assertThat(written.numeric("probability_1").get(i)).isEqualTo(expected.probability(i, 1));
        }
    }

    @Test
    void predictStreamsInChunksAndReadsAndWritesParquet() throws Exception {
        CliProcess.Result whole = CliProcess.run(work, "predict", bundleDir.toString(), "--data", "data/titanic.csv", "--out", "whole.csv");
        CliProcess.Result chunked = CliProcess.run(work, "predict", bundleDir.toString(), "--data", "data/titanic.csv",
                "--out", "chunked.csv", "--chunk-rows", "100");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(chunked.exitCode()).as(chunked.err()).isZero();
        assertThat(Files.readString(work.resolve("chunked.csv"))).isEqualTo(Files.readString(work.resolve("whole.csv")));

        Predictions expected = bundle.pipeline().predict(data);
        CliProcess.Result toParquet = CliProcess.run(work, "predict", bundleDir.toString(), "--data", "data/titanic.csv",
                "--out", "predictions.parquet", "--chunk-rows", "250", "--json");
        assertThat(toParquet.exitCode()).as(toParquet.err()).isZero();
        assertThat(JSON.readTree(toParquet.out()).get("rows").asInt()).isEqualTo(891);
        Frame written = ParquetFiles.read(work.resolve("predictions.parquet"), null);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(written.column("prediction").format(i)).isEqualTo(expected.label(i));
            assertThat(written.numeric("probability_1").get(i)).isEqualTo(expected.probability(i, 1));
        }

        ParquetFiles.write(data, work.resolve("input.parquet"));
        CliProcess.Result fromParquet = CliProcess.run(work, "predict", bundleDir.toString(), "--data", "input.parquet",
                "--out", "from-parquet.csv");
        assertThat(fromParquet.exitCode()).as(fromParquet.err()).isZero();
        assertThat(Files.readString(work.resolve("from-parquet.csv"))).isEqualTo(Files.readString(work.resolve("whole.csv")));

        // a file of a header alone gives predictions of a header alone, in both formats
        String header = Files.readAllLines(work.resolve("data/titanic.csv")).get(0);
        Files.writeString(work.resolve("empty.csv"), header + "\n");
        CliProcess.Result emptyCsv = CliProcess.run(work, "predict", bundleDir.toString(), "--data", "empty.csv", "--out", "empty-out.csv");
        assertThat(emptyCsv.exitCode()).as(emptyCsv.err()).isZero();
        assertThat(Files.readString(work.resolve("empty-out.csv"))).isEqualTo("prediction,probability_0,probability_1\n");
        CliProcess.Result emptyParquet = CliProcess.run(work, "predict", bundleDir.toString(), "--data", "empty.csv",
                "--out", "empty-out.parquet");
        assertThat(emptyParquet.exitCode()).as(emptyParquet.err()).isZero();
        Frame none = ParquetFiles.read(work.resolve("empty-out.parquet"), null);
        assertThat(none.rowCount()).isZero();
        assertThat(none.names()).containsExactly("prediction", "probability_0", "probability_1");
    }

    @Test
    void serverAnswersExactlyAsInProcessAndRejectsBadFields() throws Exception {
        Predictions expected = bundle.pipeline().predict(data);
        Process server = CliProcess.builder(work, "serve", bundleDir.toString(), "--port", "0").redirectErrorStream(true).start();
        try {
            int port = readPort(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            HttpResponse<String> ok = post(http, port, records(40).toString());
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            JsonNode predictions = JSON.readTree(ok.body()).get("predictions");
            for (int i = 0; i < 40; i++) {
                assertThat(predictions.get(i).get("prediction").asText()).isEqualTo(expected.label(i));
                assertThat(predictions.get(i).get("probabilities").get("1").asDouble()).isEqualTo(expected.probability(i, 1));
            }

            ObjectNode wrongType = (ObjectNode) records(1).get(0);
            wrongType.put("Age", "old");
            HttpResponse<String> bad = post(http, port, wrongType.toString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("records[0].Age").contains("expected a number");

            ObjectNode missing = (ObjectNode) records(1).get(0);
            missing.remove("Sex");
            assertThat(post(http, port, missing.toString()).body()).contains("records[0].Sex").contains("missing field");
            assertThat(post(http, port, "{\"Age\": ").statusCode()).isEqualTo(400);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void driftOfTheTrainingDataIsLow() throws Exception {
        CliProcess.Result result = CliProcess.run(work, "drift", bundleDir.toString(), "--data", "data/titanic.csv", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode features = JSON.readTree(result.out()).get("features");
        assertThat(features).hasSize(7);
        features.forEach(f -> assertThat(f.get("psi").asDouble()).isLessThan(0.1));
    }

    @Test
    void sameSeedGivesTheSameModel() throws Exception {
        CliProcess.Result again = CliProcess.run(work, "run", "pipeline.yaml", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        Path secondBundle = Path.of(JSON.readTree(again.out()).get("bundle").asText());
        assertThat(secondBundle).isNotEqualTo(bundleDir);
        assertThat(Files.readString(secondBundle.resolve("pipeline.json"))).isEqualTo(Files.readString(bundleDir.resolve("pipeline.json")));
        assertThat(JSON.readTree(again.out()).get("registered").get("version").asInt()).isGreaterThan(1);
    }

    private ArrayNode records(int count) {
        ArrayNode array = JSON.createArrayNode();
        List<Field> fields = bundle.pipeline().inputSchema().fields();
        for (int i = 0; i < count; i++) {
            ObjectNode record = array.addObject();
            for (Field field : fields) {
                if (field.role() != Role.FEATURE) {
                    continue;
                }
                Column column = data.column(field.name());
                if (column.isMissing(i)) {
                    record.putNull(field.name());
                } else if (column instanceof dev.kiln.data.NumericColumn n) {
                    record.put(field.name(), n.get(i));
                } else {
                    record.put(field.name(), column.format(i));
                }
            }
        }
        return array;
    }

    private static HttpResponse<String> post(HttpClient http, int port, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int readPort(Process server) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");
        StringBuilder seen = new StringBuilder();
        for (String line; (line = reader.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = serving.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("server did not start:\n" + seen);
    }
}
