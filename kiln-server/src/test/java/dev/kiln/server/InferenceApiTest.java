package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.learn.Predictions;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol v2, with request bodies shaped as in the protocol's REST specification
 * (kserve/open-inference-protocol, inference_rest.md): {@code id}, {@code inputs} of
 * {@code {name, shape, datatype, data}} and optional requested {@code outputs}.
 */
class InferenceApiTest {
    private static PredictionServer server;
    private static ServerClient client;
    private static Predictions expected;

    @BeforeAll
    static void start() throws Exception {
        ServedModels models = ServedModels.builder().add(new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 100))
                .add(new ServedModel("toy", 2, ToyModels.classifier("toy", 0.01), 100)).build();
        server = new PredictionServer(() -> models, ServerOptions.defaults()).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
        expected = models.resolve("toy:2").bundle().pipeline().predict(ToyModels.twoRows());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthAndMetadata() throws Exception {
        assertThat(client.get("/v2/health/live").statusCode()).isEqualTo(200);
        assertThat(client.get("/v2/health/ready").statusCode()).isEqualTo(200);
        assertThat(ServerClient.json(client.get("/v2")).get("name").asText()).isEqualTo("kiln");
        JsonNode metadata = ServerClient.json(client.get("/v2/models/toy"));
        assertThat(metadata.get("versions")).hasSize(2);
        assertThat(metadata.get("inputs").get(0).get("name").asText()).isEqualTo("size");
        assertThat(metadata.get("inputs").get(0).get("datatype").asText()).isEqualTo("FP64");
        assertThat(metadata.get("inputs").get(1).get("datatype").asText()).isEqualTo("BYTES");
        assertThat(metadata.get("outputs").get(1).get("name").asText()).isEqualTo("predict_proba");
        assertThat(client.get("/v2/models/toy/versions/1/ready").statusCode()).isEqualTo(200);
        assertThat(client.get("/v2/models/other").statusCode()).isEqualTo(404);
    }

    @Test
    void oneTensorPerColumn() throws Exception {
        String body = """
                {"id": "42", "inputs": [
                  {"name": "size", "shape": [2], "datatype": "FP64", "data": [7.5, null]},
                  {"name": "colour", "shape": [2, 1], "datatype": "BYTES", "data": [["blue"], ["red"]]}
                ]}""";
        JsonNode response = ServerClient.json(client.post("/v2/models/toy/infer", body));
        assertThat(response.get("id").asText()).isEqualTo("42");
        assertThat(response.get("model_name").asText()).isEqualTo("toy");
        assertThat(response.get("model_version").asText()).isEqualTo("2");
        JsonNode predict = response.get("outputs").get(0);
        assertThat(predict.get("name").asText()).isEqualTo("predict");
        assertThat(predict.get("shape").get(0).asInt()).isEqualTo(2);
        assertThat(predict.get("data").get(1).asText()).isEqualTo(expected.label(1));
        JsonNode proba = response.get("outputs").get(1);
        assertThat(proba.get("shape").toString()).isEqualTo("[2,2]");
        assertThat(proba.get("data").get(1).asDouble()).isEqualTo(expected.probability(0, 1));
    }

    @Test
    void oneMatrixTensorAVersionAndRequestedOutputs() throws Exception {
        String body = """
                {"inputs": [{"name": "input-0", "shape": [2, 2], "datatype": "BYTES", "data": [7.5, "blue", null, "red"]}],
                 "outputs": [{"name": "predict_proba"}]}""";
        HttpResponse<String> response = client.post("/v2/models/toy/versions/1/infer", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outputs = ServerClient.json(response).get("outputs");
        assertThat(outputs).hasSize(1);
        assertThat(outputs.get(0).get("name").asText()).isEqualTo("predict_proba");
        assertThat(ServerClient.json(response).get("model_version").asText()).isEqualTo("1");
    }

    @Test
    void badRequestsNameTheTensor() throws Exception {
        assertError("{\"inputs\": []}", 400, "inputs: expected a non-empty array");
        assertError("{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 3], \"datatype\": \"FP64\", \"data\": [1, 2, 3]}]}", 400,
                "a single tensor needs shape [rows, 2]");
        assertError("{\"inputs\": [{\"name\": \"size\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}", 400,
                "inputs: missing column 'colour'");
        assertError("{\"inputs\": [{\"name\": \"size\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [\"a\"]},"
                + " {\"name\": \"colour\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"red\"]}]}", 400,
                "inputs.size[0]: expected a number or null");
        assertThat(client.post("/v2/models/toy/versions/7/infer", "{}").statusCode()).isEqualTo(404);
    }

    private static void assertError(String body, int status, String message) throws Exception {
        HttpResponse<String> response = client.post("/v2/models/toy/infer", body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(ServerClient.json(response).get("error").asText()).contains(message);
    }
}
