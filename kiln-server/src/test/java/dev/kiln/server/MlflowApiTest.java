package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.learn.Predictions;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MLflow scoring protocol. Request bodies follow the shapes of MLflow's own documentation ("Deploy
 * MLflow Model as a Local Inference Server" and the serving REST API page): {@code dataframe_split},
 * {@code dataframe_records}, {@code instances}, {@code inputs} (columns or a list of rows), and CSV.
 */
class MlflowApiTest {
    private static PredictionServer server;
    private static ServerClient client;
    private static Predictions expected;

    @BeforeAll
    static void start() throws Exception {
        ServedModel model = new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 100);
        server = PredictionServer.of(model).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
        expected = model.bundle().pipeline().predict(ToyModels.twoRows());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyJsonFormatGivesTheSameLabels() throws Exception {
        String[] bodies = {
            "{\"dataframe_split\": {\"columns\": [\"size\", \"colour\"], \"data\": [[7.5, \"blue\"], [null, \"red\"]]}}",
            "{\"dataframe_split\": {\"index\": [0, 1], \"columns\": [\"colour\", \"size\"], \"data\": [[\"blue\", 7.5], [\"red\", null]]}}",
            "{\"dataframe_records\": [{\"size\": 7.5, \"colour\": \"blue\"}, {\"size\": null, \"colour\": \"red\"}]}",
            "{\"instances\": [{\"size\": 7.5, \"colour\": \"blue\"}, {\"size\": null, \"colour\": \"red\"}]}",
            "{\"instances\": [[7.5, \"blue\"], [null, \"red\"]]}",
            "{\"inputs\": {\"size\": [7.5, null], \"colour\": [\"blue\", \"red\"]}}",
            "{\"inputs\": [[7.5, \"blue\"], [null, \"red\"]], \"params\": {\"anything\": 1}}",
        };
        for (String body : bodies) {
            HttpResponse<String> response = client.post("/invocations", body);
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(200);
            JsonNode predictions = ServerClient.json(response).get("predictions");
            assertThat(predictions).as(body).hasSize(2);
            assertThat(predictions.get(0).asText()).isEqualTo(expected.label(0));
            assertThat(predictions.get(1).asText()).isEqualTo(expected.label(1));
        }
    }

    @Test
    void csvBody() throws Exception {
        HttpResponse<String> response = client.post("/invocations", "size,colour\n7.5,blue\n,red\n", "text/csv", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ServerClient.json(response).get("predictions").get(1).asText()).isEqualTo(expected.label(1));
        HttpResponse<String> bad = client.post("/invocations", "size,colour\nbig,blue\n", "text/csv", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ServerClient.json(bad).get("error").asText()).contains("body:2: column 'size': expected a number, found 'big'");
    }

    @Test
    void badBodiesNameTheProblem() throws Exception {
        assertError("{\"data\": []}", "expected exactly one of dataframe_split, dataframe_records, instances or inputs");
        assertError("{\"inputs\": [], \"instances\": []}", "found [");
        assertError("{\"dataframe_split\": {\"columns\": [\"size\"], \"data\": [[1, 2]]}}", "dataframe_split.data[0]: expected an array of 1 values");
        assertError("{\"dataframe_split\": {\"columns\": [\"size\", \"colour\"], \"data\": [[\"x\", \"red\"]]}}",
                "dataframe_split.data[0][0] (size): expected a number or null");
        assertError("{\"dataframe_records\": {\"size\": 1}}", "dataframe_records: expected an array of objects");
        assertError("{\"inputs\": [[1.0]]}", "inputs[0]: expected an array of 2 values");
    }

    private static void assertError(String body, String message) throws Exception {
        HttpResponse<String> response = client.post("/invocations", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(ServerClient.json(response).get("error").asText()).contains(message);
    }
}
