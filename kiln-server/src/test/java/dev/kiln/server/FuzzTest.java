package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No input makes the server fail: seeded random JSON values, and valid requests with one part mutated,
 * are posted to every prediction endpoint; each must get 200 or a 4xx with an error message, never 500.
 */
class FuzzTest {
    private static final List<String> ENDPOINTS = List.of("/predict", "/predict?explain=true", "/models/toy/predict",
            "/invocations", "/v2/models/toy/infer");
    private static final List<String> VALID = List.of(
            "{\"size\": 7.5, \"colour\": \"blue\"}",
            "{\"columns\": {\"size\": [7.5, null], \"colour\": [\"blue\", \"red\"]}}",
            "{\"dataframe_split\": {\"columns\": [\"size\", \"colour\"], \"data\": [[7.5, \"blue\"]]}}",
            "{\"inputs\": [{\"name\": \"size\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [7.5]},"
                    + " {\"name\": \"colour\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"blue\"]}]}",
            "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 2], \"datatype\": \"BYTES\", \"data\": [7.5, \"blue\"]}]}");
    private static PredictionServer server;
    private static ServerClient client;

    @BeforeAll
    static void start() throws Exception {
        server = PredictionServer.of(new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 50)).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void randomAndMutatedBodiesNeverFailTheServer() throws Exception {
        SplittableRandom random = new SplittableRandom(20261125);
        for (int i = 0; i < 400; i++) {
            String body = i % 2 == 0 ? randomValue(random, 0) : mutate(VALID.get(random.nextInt(VALID.size())), random);
            String endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            HttpResponse<String> response = client.post(endpoint, body);
            assertThat(response.statusCode()).as("%s %s -> %s", endpoint, body, response.body()).isIn(200, 400, 404, 413);
            if (response.statusCode() != 200) {
                assertThat(ServerClient.json(response).get("error").asText()).as(body).isNotBlank();
            }
        }
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    private static String randomValue(SplittableRandom random, int depth) {
        int kind = depth > 3 ? random.nextInt(5) : random.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> List.of("0", "-1", "1e308", "-1e-308", "123456789012345678901234567890", "3.5", "1E400").get(random.nextInt(7));
            case 3 -> "\"" + List.of("", "size", "colour", "red", "\\u0000", "\\ud800", "é", "records", "columns").get(random.nextInt(9)) + "\"";
            case 4 -> List.of("{", "]", "\"unterminated", "nul", "{\"a\":}", "[1,]", "NaN", "-Infinity").get(random.nextInt(8));
            case 5 -> "[" + randomValue(random, depth + 1) + (random.nextBoolean() ? "," + randomValue(random, depth + 1) : "") + "]";
            default -> "{\"" + List.of("size", "colour", "records", "columns", "inputs", "instances", "dataframe_split",
                    "dataframe_records", "data", "name", "shape").get(random.nextInt(11)) + "\": " + randomValue(random, depth + 1) + "}";
        };
    }

    /** The body with one token replaced by a random JSON value. */
    private static String mutate(String body, SplittableRandom random) {
        String[] targets = {"7.5", "\"blue\"", "null", "[1]", "[1, 2]", "\"size\"", "\"FP64\"", "\"colour\""};
        String target = targets[random.nextInt(targets.length)];
        int at = body.indexOf(target);
        return at < 0 ? body : body.substring(0, at) + randomValue(random, 2) + body.substring(at + target.length());
    }
}
