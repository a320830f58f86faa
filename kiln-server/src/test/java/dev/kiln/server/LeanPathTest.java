package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server with its lean prediction path in front of Javalin: one-record answers are those of the general path,
 * errors keep Javalin's statuses and messages (400 naming the field, 401 with the challenge, 404 naming what is
 * served, 413 with the limit), and the metrics count both paths alike.
 */
class LeanPathTest {
    private static final String ONE = "{\"size\": 7.5, \"colour\": \"blue\"}";
    private PredictionServer server;
    private ServerClient client;

    private void start(ServerOptions options) throws Exception {
        ServedModels models = ServedModels.builder().add(new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 5000)).build();
        server = new PredictionServer(() -> models, options).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void oneRecordAnswersMatchTheGeneralPathAndBothAreCounted() throws Exception {
        start(ServerOptions.defaults());
        HttpResponse<String> lean = client.post("/predict", ONE);
        HttpResponse<String> general = client.post("/predict", "[" + ONE + "]");
        HttpResponse<String> explained = client.post("/models/toy/predict?explain=false", ONE);
        assertThat(lean.statusCode()).isEqualTo(200);
        assertThat(lean.body()).isEqualTo(general.body()).isEqualTo(explained.body());
        assertThat(lean.headers().firstValue("Content-Type")).isEqualTo(general.headers().firstValue("Content-Type"));
        assertThat(client.post("/models/toy:1/predict", ONE).body()).isEqualTo(lean.body());
        assertThat(client.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");

        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("kiln_requests_seconds_count{model=\"toy:1\",protocol=\"kiln\",status=\"200\"} 4");
        assertThat(metrics).contains("kiln_predicted_rows_total{model=\"toy:1\"} 4.0");
    }

    @Test
    void errorsKeepJavalinsStatusesAndMessages() throws Exception {
        start(ServerOptions.defaults());
        HttpResponse<String> wrongType = client.post("/predict", "{\"size\": \"big\", \"colour\": \"blue\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("size").contains("expected a number");
        HttpResponse<String> malformed = client.post("/predict", "{\"size\": 7.5");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON");
        HttpResponse<String> missing = client.post("/predict", "{\"size\": 7.5}");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("colour");
        HttpResponse<String> unknown = client.post("/models/nope/predict", ONE);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"no model 'nope' (served: toy)\"}");
        assertThat(client.get("/predict").statusCode()).isEqualTo(404);

        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("kiln_requests_seconds_count{model=\"toy:1\",protocol=\"kiln\",status=\"400\"} 3");
        assertThat(metrics).contains("kiln_request_errors_total{model=\"toy:1\"} 3.0");
    }

    @Test
    void bodiesOverTheLimitGet413AndChunkedBodiesAreRead() throws Exception {
        start(new ServerOptions(null, false, 20, 100, Duration.ZERO));
        HttpResponse<String> large = client.post("/predict", ONE);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).isEqualTo("{\"error\":\"request body larger than 20 bytes\"}");
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(400);
    }

    @Test
    void batchesLargerThanTheLeanPathReadsAreAnsweredByJavalin() throws Exception {
        start(ServerOptions.defaults());
        StringBuilder batch = new StringBuilder("[");
        int rows = 3000;
        for (int i = 0; i < rows; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"size\": ").append(i % 10).append(".25, \"colour\": \"red\"}");
        }
        String body = batch.append("]").toString();
        assertThat(body.length()).isGreaterThan(LeanRoutes.MAX_BODY);
        HttpResponse<String> response = client.post("/predict", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ServerClient.json(response).get("predictions")).hasSize(rows);
    }

    @Test
    void guardedPredictionsGetTheSameChallenge() throws Exception {
        start(ServerOptions.defaults().withToken("s3cret", true));
        HttpResponse<String> refused = client.post("/predict", ONE);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(refused.body()).contains("missing or wrong token");
        assertThat(client.post("/models/toy/predict", ONE, "application/json", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> allowed = client.post("/models/toy/predict", ONE, "application/json", "s3cret");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"model\":\"toy:1\"");
    }
}
