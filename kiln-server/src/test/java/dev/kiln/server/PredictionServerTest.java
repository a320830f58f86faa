package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bundle.Bundle;
import dev.kiln.bundle.Manifest;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.learn.Model;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.monitor.DriftReference;
import dev.kiln.prep.FittedTransformer;
import dev.kiln.prep.Imputer;
import dev.kiln.prep.OneHotEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prediction server on a small fitted pipeline: answers, field-level 400s, limits, and no crash on junk. */
class PredictionServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Pipeline pipeline;
    private static PredictionServer server;

    @BeforeAll
    static void start() {
        int n = 200;
        double[] size = new double[n];
        String[] colour = new String[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            size[i] = i % 17 == 0 ? Double.NaN : (i * 37 % 100) / 10.0;
            colour[i] = i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue";
            label[i] = (size[i] > 5 || colour[i].equals("red")) ? 1 : 0;
        }
        Frame raw = Frame.of(NumericColumn.of("size", size), CategoricalColumn.ofLabels("colour", colour));
        List<FittedTransformer> steps = new ArrayList<>();
        Frame prepared = raw;
        for (var t : List.of(new Imputer(Imputer.NumericStrategy.MEDIAN), new OneHotEncoder())) {
            FittedTransformer fitted = t.fit(prepared);
            prepared = fitted.apply(prepared);
            steps.add(fitted);
        }
        Model model = Learners.create("logistic", Map.of()).fit(
                prepared.with(CategoricalColumn.of("label", label, List.of("no", "yes"))), TrainOptions.of("label", Task.BINARY, 1));
        Schema schema = Schema.of(List.of(new Field("size", ColumnKind.NUMERIC, Role.FEATURE),
                new Field("colour", ColumnKind.CATEGORICAL, Role.FEATURE, List.of("red", "green", "blue")),
                new Field("id", ColumnKind.NUMERIC, Role.IGNORED)));
        pipeline = new Pipeline(schema, steps, model);
        Manifest manifest = new Manifest(1, "test", "toy", "binary", "label", List.of("no", "yes"), "logistic", Map.of(),
                List.of(), Map.of(), Manifest.Lineage.now("run-1", "d", "s", 1), Map.of());
        Bundle bundle = new Bundle(manifest, pipeline, DriftReference.fit(raw, null, 0.1, 0.25));
        server = new PredictionServer("toy", bundle).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        server.close();
    }

    @Test
    void healthNamesTheModel() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("model").asText()).isEqualTo("toy");
    }

    @Test
    void predictsOneRecordAnArrayAndRecordsLikeInProcess() throws Exception {
        Frame rows = Frame.of(NumericColumn.of("size", new double[] {7.5, Double.NaN}), CategoricalColumn.ofLabels("colour", new String[] {"blue", "red"}));
        Predictions expected = pipeline.predict(rows);

        JsonNode one = JSON.readTree(post("{\"size\": 7.5, \"colour\": \"blue\"}").body()).get("predictions");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("probabilities").get("yes").asDouble()).isEqualTo(expected.probability(0, 1));

        String body = "[{\"size\": 7.5, \"colour\": \"blue\", \"id\": 3}, {\"size\": null, \"colour\": \"red\"}]";
        JsonNode two = JSON.readTree(post(body).body()).get("predictions");
        assertThat(two.get(1).get("prediction").asText()).isEqualTo(expected.label(1));
        assertThat(two.get(1).get("probabilities").get("no").asDouble()).isEqualTo(expected.probability(1, 0));

        HttpResponse<String> wrapped = post("{\"records\": " + body + "}");
        assertThat(wrapped.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(wrapped.body()).get("predictions")).hasSize(2);
    }

    @Test
    void unseenCategoryIsAnsweredNotRejected() throws Exception {
        assertThat(post("{\"size\": 1, \"colour\": \"purple\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsGet400NamingTheField() throws Exception {
        assertError("{\"size\": \"big\", \"colour\": \"red\"}", "records[0].size: expected a number or null");
        assertError("{\"colour\": \"red\"}", "records[0].size: missing field");
        assertError("[{\"size\": 1, \"colour\": \"red\"}, {\"size\": 1, \"colour\": \"red\", \"shape\": 2}]", "records[1].shape: unknown field");
        assertError("{\"size\": 1, \"colour\": [\"red\"]}", "records[0].colour: expected a string or null");
        assertError("{\"size\": NaN, \"colour\": \"red\"}", "malformed JSON");
        assertError("{\"size\": 1,", "malformed JSON");
        assertError("", "empty body");
        assertError("[]", "at least one record");
        assertError("[1, 2]", "records[0]: expected an object");
        assertError("\"hello\"", "expected a JSON object");
    }

    @Test
    void tooManyRecordsAreRefused() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= PredictionServer.MAX_RECORDS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"size\":1,\"colour\":\"red\"}");
        }
        assertError(body.append(']').toString(), "at most " + PredictionServer.MAX_RECORDS);
    }

    private static void assertError(String body, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/predict")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
