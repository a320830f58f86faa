package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.monitor.DriftMethod;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.workflow.AcceptRule;
import dev.kiln.workflow.MonitorSettings;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prediction log, feedback, windowed drift, alerts with a webhook, /monitor and the gauges, on a toy classifier. */
class MonitoringTest {
    @TempDir
    Path dir;

    private KilnStore store;
    private PredictionServer server;
    private ServerClient client;
    private HttpServer receiver;
    private final BlockingQueue<String> hooks = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        MonitorSettings settings = new MonitorSettings(DriftMethod.PSI, 0.5, new MonitorSettings.Window(200, 0, 20),
                new MonitorSettings.Log(1, 0, 0), "colour",
                List.of(new MonitorSettings.Alert(AcceptRule.parse("drift_share > 0.3"), hook, 3600),
                        new MonitorSettings.Alert(AcceptRule.parse("accuracy < 0.7"), null, 3600)),
                MonitorSettings.Retrain.manual());
        store = KilnStore.open(dir.resolve(".kiln"));
        ServedModels models = ServedModels.builder().add(new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 100)).build();
        MonitorConfig config = MonitorConfig.of(store).withFallback(settings).withEvery(Duration.ofHours(1));
        server = new PredictionServer(() -> models, ServerOptions.defaults(), config).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.stop(0);
        store.close();
    }

    private String predict(double size, String colour) throws Exception {
        HttpResponse<String> response = client.post("/predict", "{\"size\": " + size + ", \"colour\": \"" + colour + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue(PredictionRecorder.ID_HEADER).orElseThrow();
    }

    @Test
    void predictionsAreLoggedWithTheirIdAndFeedbackJoinsThem() throws Exception {
        String id = predict(7.5, "blue");
        HttpResponse<String> batch = client.post("/predict", "[{\"size\": 1, \"colour\": \"red\"}, {\"size\": 2, \"colour\": \"green\"}]");
        String first = batch.headers().firstValue(PredictionRecorder.ID_HEADER).orElseThrow();
        assertThat(batch.headers().firstValue(PredictionRecorder.ROWS_HEADER)).contains("2");

        HttpResponse<String> ok = client.post("/feedback", "{\"id\": \"" + id + "\", \"label\": \"yes\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ServerClient.json(ok).get("accepted").asInt()).isEqualTo(1);
        String second = first.substring(0, first.lastIndexOf('-') + 1) + (Long.parseLong(first.substring(first.lastIndexOf('-') + 1)) + 1);
        assertThat(client.post("/feedback", "{\"model\": \"toy\", \"key\": \"green\", \"label\": \"no\"}").statusCode()).isEqualTo(200);

        LoggedPrediction logged = store.monitorLog().find(id).orElseThrow();
        assertThat(logged.label()).isEqualTo("yes");
        assertThat(logged.inputs()).isEqualTo("{\"size\":7.5,\"colour\":\"blue\"}");
        assertThat(logged.outputs()).startsWith("{\"probabilities\":{\"no\":");
        assertThat(logged.model()).isEqualTo("toy");
        assertThat(logged.version()).isEqualTo(1);
        assertThat(store.monitorLog().find(second).orElseThrow().label()).isEqualTo("no");
        assertThat(store.monitorLog().find(first).orElseThrow().inputs()).contains("\"red\"");
        HttpResponse<String> mlflow = client.post("/invocations", "{\"dataframe_records\": [{\"size\": 3, \"colour\": \"red\"}]}");
        assertThat(mlflow.statusCode()).as(mlflow.body()).isEqualTo(200);
        String mlflowId = mlflow.headers().firstValue(PredictionRecorder.ID_HEADER).orElseThrow();
        assertThat(client.post("/feedback", "{\"id\": \"" + mlflowId + "\", \"label\": \"yes\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void badFeedbackIsAnsweredWithTheFieldAndUnknownIdsWith404() throws Exception {
        String id = predict(7.5, "blue");
        assertThat(error(client.post("/feedback", "{\"id\": \"" + id + "\"}"), 400)).isEqualTo("feedback.label: missing field (the true label)");
        assertThat(error(client.post("/feedback", "{\"id\": \"" + id + "\", \"label\": {\"class\": \"yes\"}}"), 400))
                .isEqualTo("feedback.label: expected a string, number or boolean, found an object");
        assertThat(error(client.post("/feedback", "[{\"id\": \"" + id + "\", \"label\": \"yes\"}, {\"label\": \"no\"}]"), 400))
                .startsWith("feedback[1]: give the prediction's 'id'");
        assertThat(error(client.post("/feedback", "{\"id\": 3, \"label\": \"no\"}"), 400)).isEqualTo("feedback.id: expected a non-empty string, found a number");
        assertThat(error(client.post("/feedback", "{\"id\": \"x\", \"labl\": \"no\"}"), 400)).startsWith("feedback.labl: unknown field");
        assertThat(error(client.post("/feedback", "{\"id\": \"nope-1\", \"label\": \"no\"}"), 404)).startsWith("no logged prediction nope-1");
        assertThat(store.monitorLog().find(id).orElseThrow().labelled()).isFalse();
    }

    private static String error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return ServerClient.json(response).get("error").asText();
    }

    @Test
    void driftInTheWindowFiresTheAlertOnceWithAWebhookAndAnAuditEntry() throws Exception {
        for (int i = 0; i < 30; i++) {
            String id = predict(50 + i, i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue");
            client.post("/feedback", "{\"id\": \"" + id + "\", \"label\": \"" + (i % 2 == 0 ? "no" : "yes") + "\"}");
        }
        JsonNode status = ServerClient.json(client.get("/monitor/toy?refresh=true"));
        assertThat(status.get("window_rows").asInt()).isEqualTo(30);
        assertThat(status.at("/drift/drift_share").asDouble()).isEqualTo(0.5);
        assertThat(status.at("/drift/features/0/feature").asText()).isEqualTo("size");
        assertThat(status.at("/drift/features/0/drifted").asBoolean()).isTrue();
        assertThat(status.at("/quality/labelled").asInt()).isEqualTo(30);
        assertThat(status.at("/quality/metrics/accuracy").asDouble()).isEqualTo(0.5);
        assertThat(status.get("active_alerts")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("drift_share > 0.3", "accuracy < 0.7");
        assertThat(status.at("/service/toy:1/requests").asInt()).isEqualTo(30);

        String hook = hooks.poll(5, TimeUnit.SECONDS);
        assertThat(hook).isNotNull();
        JsonNode body = ServerClient.JSON.readTree(hook);
        assertThat(body.get("alert").asText()).isEqualTo("drift_share > 0.3");
        assertThat(body.at("/values/drift_share").asDouble()).isEqualTo(0.5);

        client.get("/monitor/toy?refresh=true");
        assertThat(hooks.poll(300, TimeUnit.MILLISECONDS)).as("de-duplicated").isNull();
        List<AuditEntry> alerts = store.audit("toy", 20).stream().filter(e -> e.action().equals(AuditEntry.ALERT)).toList();
        assertThat(alerts).extracting(AuditEntry::reason).containsExactlyInAnyOrder("drift_share > 0.3", "accuracy < 0.7");
        assertThat(alerts.get(0).detail()).contains("\"monitored\"");

        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("kiln_monitor_drift_share{model=\"toy\"} 0.5").contains("kiln_prediction_log_written");
        JsonNode all = ServerClient.json(client.get("/monitor"));
        assertThat(all.at("/log/written").asInt()).isEqualTo(30);
        assertThat(all.at("/log/dropped").asInt()).isZero();
    }
}
