package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.learn.Predictions;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kiln's JSON API on two versions of a toy classifier: answers equal in-process predictions; bad input gets 4xx naming the field. */
class KilnApiTest {
    private static PredictionServer server;
    private static ServerClient client;
    private static Predictions expected;

    @BeforeAll
    static void start() throws Exception {
        ServedModels models = ServedModels.builder()
                .add(new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 100))
                .add(new ServedModel("toy", 2, ToyModels.classifier("toy", 0.01), 100))
                .alias("toy", "champion", 1).build();
        server = new PredictionServer(() -> models, ServerOptions.defaults()).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
        expected = models.resolve("toy:1").bundle().pipeline().predict(ToyModels.twoRows());
    }

    @AfterAll
    static void stop() {
        server.close();
        server.close();
    }

    @Test
    void healthReadinessAndTheModelList() throws Exception {
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/ready").statusCode()).isEqualTo(200);
        JsonNode models = ServerClient.json(client.get("/models")).get("models");
        assertThat(models).hasSize(2);
        assertThat(models.get(0).get("ref").asText()).isEqualTo("toy:1");
        assertThat(models.get(0).get("aliases").get(0).asText()).isEqualTo("champion");
    }

    @Test
    void oneRecordArraysRecordsAndColumnsAllPredictLikeInProcess() throws Exception {
        JsonNode one = ServerClient.json(client.post("/predict", "{\"size\": 7.5, \"colour\": \"blue\"}"));
        assertThat(one.get("model").asText()).isEqualTo("toy:1");
        assertThat(one.get("predictions").get(0).get("probabilities").get("yes").asDouble()).isEqualTo(expected.probability(0, 1));

        String records = "[{\"size\": 7.5, \"colour\": \"blue\", \"id\": 3}, {\"size\": null, \"colour\": \"red\"}]";
        for (String body : new String[] {records, "{\"records\": " + records + "}",
                "{\"columns\": {\"size\": [7.5, null], \"colour\": [\"blue\", \"red\"]}}"}) {
            JsonNode predictions = ServerClient.json(client.post("/models/toy/predict", body)).get("predictions");
            assertThat(predictions).as(body).hasSize(2);
            assertThat(predictions.get(1).get("prediction").asText()).isEqualTo(expected.label(1));
            assertThat(predictions.get(1).get("probabilities").get("no").asDouble()).isEqualTo(expected.probability(1, 0));
        }
    }

    @Test
    void versionsAndAliasesAreAddressable() throws Exception {
        assertThat(ServerClient.json(client.post("/models/toy:2/predict", "{\"size\": 1, \"colour\": \"red\"}")).get("model").asText()).isEqualTo("toy:2");
        assertThat(ServerClient.json(client.post("/models/toy@champion/predict", "{\"size\": 1, \"colour\": \"red\"}")).get("model").asText()).isEqualTo("toy:1");
        assertError("/models/toy:9/predict", "{\"size\": 1, \"colour\": \"red\"}", 404, "no version '9' of model 'toy' (versions: [1, 2])");
        assertError("/models/nope/predict", "{}", 404, "no model 'nope' (served: toy)");
        assertError("/models/toy@shadow/predict", "{}", 404, "no alias 'shadow'");
    }

    @Test
    void unseenCategoryIsAnsweredNotRejected() throws Exception {
        assertThat(client.post("/predict", "{\"size\": 1, \"colour\": \"purple\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsGet400NamingTheField() throws Exception {
        assertError("/predict", "{\"size\": \"big\", \"colour\": \"red\"}", 400, "records[0].size: expected a number or null, found \"big\"");
        assertError("/predict", "{\"colour\": \"red\"}", 400, "records[0].size: missing field");
        assertError("/predict", "[{\"size\": 1, \"colour\": \"red\"}, {\"size\": 1, \"colour\": \"red\", \"shape\": 2}]", 400,
                "records[1].shape: unknown field (expected: size, colour, id)");
        assertError("/predict", "{\"size\": 1, \"colour\": [\"red\"]}", 400, "records[0].colour: expected a string or null");
        assertError("/predict", "{\"size\": NaN, \"colour\": \"red\"}", 400, "malformed JSON");
        assertError("/predict", "{\"size\": 1,", 400, "malformed JSON");
        assertError("/predict", "{\"size\": 1E400, \"colour\": \"red\"}", 400, "records[0].size: expected a finite number or null");
        assertError("/predict", "", 400, "empty body");
        assertError("/predict", "[]", 400, "at least one row");
        assertError("/predict", "[1, 2]", 400, "records[0]: expected an object, found a number");
        assertError("/predict", "\"hello\"", 400, "expected a JSON object");
        assertError("/predict", "{\"columns\": {\"size\": [1, 2], \"colour\": [\"red\"]}}", 400, "columns.colour: 1 values, but other columns have 2");
        assertError("/predict", "{\"columns\": {\"size\": [1]}}", 400, "columns: missing column 'colour'");
    }

    @Test
    void tooManyRowsAreRefused() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= 100; i++) {
            body.append(i == 0 ? "" : ",").append("{\"size\":1,\"colour\":\"red\"}");
        }
        assertError("/predict", body.append(']').toString(), 400, "101 rows, at most 100 per request");
    }

    @Test
    void explanationsOfATreeAddUpToItsProbabilities() throws Exception {
        ServedModel tree = new ServedModel("tree", 1, ToyModels.classifier("tree", "tree", java.util.Map.of("max_depth", "3")), 100);
        try (PredictionServer treeServer = PredictionServer.of(tree).start("127.0.0.1", 0)) {
            ServerClient treeClient = new ServerClient(treeServer.port());
            JsonNode item = ServerClient.json(treeClient.post("/predict?explain=true", "{\"size\": 7.5, \"colour\": \"blue\"}"))
                    .get("predictions").get(0);
            JsonNode explanation = item.get("explanation");
            double sum = explanation.get("baseline").asDouble();
            for (JsonNode contribution : explanation.get("contributions")) {
                sum += contribution.asDouble();
            }
            assertThat(sum).isCloseTo(item.get("probabilities").get("yes").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(explanation.get("contributions").has("size")).isTrue();
            assertThat(explanation.get("contributions").has("colour")).isTrue();
        }
        assertError("/predict?explain=true", "{\"size\": 1, \"colour\": \"red\"}", 400, "explanations need a tree model");
    }

    @Test
    void explanationsOfBoostingAreTreeShapValuesInLogOdds() throws Exception {
        ServedModel gbm = new ServedModel("gbm", 1, ToyModels.classifier("gbm", "gbm", java.util.Map.of("trees", "20")), 100);
        try (PredictionServer gbmServer = PredictionServer.of(gbm).start("127.0.0.1", 0)) {
            JsonNode item = ServerClient.json(new ServerClient(gbmServer.port()).post("/predict?explain=true",
                    "{\"size\": 7.5, \"colour\": \"blue\"}")).get("predictions").get(0);
            JsonNode explanation = item.get("explanation");
            assertThat(explanation.get("space").asText()).isEqualTo("log_odds");
            double sum = explanation.get("baseline").asDouble();
            for (JsonNode contribution : explanation.get("contributions")) {
                sum += contribution.asDouble();
            }
            double p = item.get("probabilities").get("yes").asDouble();
            assertThat(sum).isCloseTo(Math.log(p / (1 - p)), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void unknownEndpointsAnswerJson404() throws Exception {
        HttpResponse<String> response = client.get("/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ServerClient.json(response).get("error").asText()).contains("GET /nope");
    }

    private static void assertError(String path, String body, int status, String message) throws Exception {
        HttpResponse<String> response = client.post(path, body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(ServerClient.json(response).get("error").asText()).contains(message);
    }
}
