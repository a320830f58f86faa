package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-record fast path of {@code /predict}: the same response bytes as the general path (a
 * one-element array of records) for many records, unseen labels and missing values included; bodies
 * it does not take are left to the general path.
 */
class RecordPredictorTest {
    private static PredictionServer server;
    private static ServerClient client;
    private static ServedModel gbm;

    @BeforeAll
    static void start() throws Exception {
        gbm = new ServedModel("gbm", 1, ToyModels.classifier("gbm", "gbm", Map.of("trees", "20", "max_depth", "3")), 100);
        ServedModels models = ServedModels.builder().add(gbm)
                .add(new ServedModel("logistic", 1, ToyModels.classifier("logistic", 0.5), 100))
                .add(new ServedModel("regression", 1, ToyModels.regressor("regression", "gbm", Map.of("trees", "20", "max_depth", "3")), 100))
                .build();
        server = new PredictionServer(() -> models, ServerOptions.defaults()).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givesTheGeneralPathsBytesForEveryRecord() throws Exception {
        assertThat(gbm.records()).as("the toy pipeline (impute, one-hot) has a row form").isNotNull();
        assertThat(server.served().resolve("regression").records()).as("so has the regressor's").isNotNull();
        SplittableRandom random = new SplittableRandom(3);
        String[] colours = {"\"red\"", "\"green\"", "\"blue\"", "\"purple\"", "null", "\"\""};
        List<String> bodies = new ArrayList<>(List.of("{\"size\": 7, \"colour\": \"blue\"}", "{\"colour\": \"red\", \"size\": null}",
                "{\"size\": -0.0, \"colour\": \"green\", \"id\": {\"nested\": [1, 2]}}", "{\"size\": 1e-3, \"colour\": \"purple\"}",
                "{\"size\": 123456789012345678901234567890, \"colour\": \"red\"}", " {\"size\":5.000000000000001,\"colour\":\"blue\"} "));
        for (int i = 0; i < 200; i++) {
            bodies.add("{\"size\": " + (random.nextInt(10) == 0 ? "null" : Double.toString(random.nextDouble(-2, 12)))
                    + ", \"colour\": " + colours[random.nextInt(colours.length)] + "}");
        }
        for (String model : List.of("gbm", "logistic", "regression")) {
            for (String body : bodies) {
                var fast = client.post("/models/" + model + "/predict", body);
                var general = client.post("/models/" + model + "/predict", "[" + body + "]");
                assertThat(fast.statusCode()).as(body).isEqualTo(200);
                assertThat(fast.body()).as(body).isEqualTo(general.body());
            }
        }
    }

    @Test
    void leavesEveryOtherBodyToTheGeneralPath() throws Exception {
        RecordPredictor records = gbm.records();
        for (String body : List.of("", "[]", "{}", "{\"size\": 1}", "{\"size\": 1, \"colour\": \"red\", \"extra\": 2}",
                "{\"size\": 1, \"size\": 2, \"colour\": \"red\"}", "{\"size\": \"1\", \"colour\": \"red\"}", "{\"size\": 1, \"colour\": 3}",
                "{\"size\": NaN, \"colour\": \"red\"}", "{\"size\": 1e400, \"colour\": \"red\"}", "{\"size\": [1], \"colour\": \"red\"}",
                "{\"size\": 1, \"colour\": \"red\"} {}", "{\"size\": 1, \"colour\": \"red\"", "{\"records\": [{\"size\": 1, \"colour\": \"red\"}]}",
                "[{\"size\": 1, \"colour\": \"red\"}]", "{\"size\": 1, \"colour\": {\"a\": 1}}")) {
            assertThat(records.predict(body.getBytes(StandardCharsets.UTF_8))).as(body).isNull();
        }
        var missing = client.post("/predict".replace("/predict", "/models/gbm/predict"), "{\"size\": 1}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("colour").contains("missing field");
    }
}
