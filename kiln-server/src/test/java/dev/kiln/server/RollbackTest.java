package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Predictions;
import dev.kiln.monitor.DriftMethod;
import dev.kiln.server.maintain.Maintenance;
import dev.kiln.server.maintain.Retrainer;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import dev.kiln.workflow.MonitorSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic rollback: version 2 replaced version 1 as champion; version 1 keeps scoring in shadow; once enough rows
 * are labelled and version 2 is behind by more than the margin on the same rows, the champion alias goes back to 1,
 * with the evidence in the audit log.
 */
class RollbackTest {
    @TempDir
    Path dir;

    @Test
    void aPromotedModelThatFallsBehindIsRolledBack() throws Exception {
        Bundle good = ToyModels.classifier("toy", "tree", Map.of("max_depth", "6"));
        Bundle worse = ToyModels.classifier("toy", "tree", Map.of("max_depth", "1"));
        try (KilnStore store = KilnStore.open(dir.resolve(".kiln"))) {
            ServedModels models = promoteWorse(store, good, worse);
            MonitorConfig config = config(store);
            try (PredictionServer server = new PredictionServer(() -> models, ServerOptions.defaults(), config).start("127.0.0.1", 0)) {
                ServerMonitoring monitoring = server.monitoring();
                Maintenance maintenance = new Maintenance(new Retrainer(store, monitoring.settings()), store, monitoring.policy(),
                        monitoring.settings(), () -> { }, Clock.systemUTC());
                monitoring.monitor().listen(maintenance);
                maintenance.watch("toy", 2, 1);
                ServerClient client = new ServerClient(server.port());
                int disagree = 0;
                for (int i = 0; i < 40; i++) {
                    double size = i * 0.25;
                    String colour = i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue";
                    Frame row = Frame.of(NumericColumn.of("size", new double[] {size}), CategoricalColumn.ofLabels("colour", new String[] {colour}));
                    Predictions truth = good.pipeline().predict(row);
                    disagree += truth.label(0).equals(worse.pipeline().predict(row).label(0)) ? 0 : 1;
                    HttpResponse<String> answer = client.post("/predict", "{\"size\": " + size + ", \"colour\": \"" + colour + "\"}");
                    String id = answer.headers().firstValue(PredictionRecorder.ID_HEADER).orElseThrow();
                    assertThat(ServerClient.json(answer).get("model").asText()).isEqualTo("toy:2");
                    client.post("/feedback", "{\"id\": \"" + id + "\", \"label\": \"" + truth.label(0) + "\"}");
                }
                assertThat(disagree).as("rows where the worse model is wrong").isGreaterThan(2);
                JsonNode status = ServerClient.json(client.get("/monitor/toy?refresh=true"));
                assertThat(status.at("/shadows/0/version").asInt()).isEqualTo(1);
                assertThat(status.at("/shadows/0/metrics/accuracy").asDouble()).isEqualTo(1.0);
                assertThat(status.at("/shadows/0/champion_metrics/accuracy").asDouble()).isEqualTo(1 - disagree / 40.0);

                assertThat(store.aliases("toy")).containsEntry("champion", 1);
                AuditEntry rollback = store.audit("toy", 10).get(0);
                assertThat(rollback.action()).isEqualTo(AuditEntry.ROLLBACK);
                JsonNode evidence = ServerClient.JSON.readTree(rollback.reason());
                assertThat(evidence.get("decision").asText()).isEqualTo("rollback");
                assertThat(evidence.get("previous_score").asDouble()).isEqualTo(1.0);
                assertThat(evidence.get("labelled").asInt()).isEqualTo(40);
                maintenance.close();
            }
        }
    }

    /** Sends {@code rows} labelled predictions (sizes from {@code from}); returns how many the worse model got wrong. */
    private static int traffic(ServerClient client, Bundle good, Bundle worse, int from, int rows) throws Exception {
        int disagree = 0;
        for (int i = from; i < from + rows; i++) {
            double size = i * 0.25;
            String colour = i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue";
            Frame row = Frame.of(NumericColumn.of("size", new double[] {size}), CategoricalColumn.ofLabels("colour", new String[] {colour}));
            Predictions truth = good.pipeline().predict(row);
            disagree += truth.label(0).equals(worse.pipeline().predict(row).label(0)) ? 0 : 1;
            HttpResponse<String> answer = client.post("/predict", "{\"size\": " + size + ", \"colour\": \"" + colour + "\"}");
            String id = answer.headers().firstValue(PredictionRecorder.ID_HEADER).orElseThrow();
            assertThat(client.post("/feedback", "{\"id\": \"" + id + "\", \"label\": \"" + truth.label(0) + "\"}").statusCode())
                    .isEqualTo(200);
        }
        return disagree;
    }

    @Test
    void aProbationSurvivesAServerRestart() throws Exception {
        Bundle good = ToyModels.classifier("toy", "tree", Map.of("max_depth", "6"));
        Bundle worse = ToyModels.classifier("toy", "tree", Map.of("max_depth", "1"));
        try (KilnStore store = KilnStore.open(dir.resolve(".kiln"))) {
            ServedModels models = promoteWorse(store, good, worse);
            MonitorConfig config = config(store);
            int disagree;
            try (PredictionServer server = new PredictionServer(() -> models, ServerOptions.defaults(), config).start("127.0.0.1", 0)) {
                ServerMonitoring monitoring = server.monitoring();
                Maintenance maintenance = new Maintenance(new Retrainer(store, monitoring.settings()), store, monitoring.policy(),
                        monitoring.settings(), () -> { }, Clock.systemUTC());
                monitoring.monitor().listen(maintenance);
                maintenance.watch("toy", 2, 1);
                disagree = traffic(new ServerClient(server.port()), good, worse, 0, 12);
                ServerClient.json(new ServerClient(server.port()).get("/monitor/toy?refresh=true"));
                maintenance.close();
            }
            assertThat(store.aliases("toy")).as("12 labels < 20: still on probation").containsEntry("champion", 2);
            assertThat(store.probations()).extracting(p -> p.model() + " " + p.promoted() + " " + p.previous() + " " + p.margin())
                    .containsExactly("toy 2 1 0.05");

            try (PredictionServer server = new PredictionServer(() -> models, ServerOptions.defaults(), config).start("127.0.0.1", 0)) {
                ServerMonitoring monitoring = server.monitoring();
                Maintenance maintenance = new Maintenance(new Retrainer(store, monitoring.settings()), store, monitoring.policy(),
                        monitoring.settings(), () -> { }, Clock.systemUTC());
                monitoring.monitor().listen(maintenance);
                assertThat(maintenance.probations()).containsKey("toy");
                assertThat(monitoring.policy().shadowVersions("toy", 2)).as("the previous champion scores in shadow again")
                        .containsExactly(1);
                ServerClient client = new ServerClient(server.port());
                disagree += traffic(client, good, worse, 12, 28);
                assertThat(disagree).as("rows where the worse model is wrong").isGreaterThan(2);
                ServerClient.json(client.get("/monitor/toy?refresh=true"));
                assertThat(store.aliases("toy")).containsEntry("champion", 1);
                AuditEntry rollback = store.audit("toy", 10).get(0);
                assertThat(rollback.action()).isEqualTo(AuditEntry.ROLLBACK);
                JsonNode evidence = ServerClient.JSON.readTree(rollback.reason());
                assertThat(evidence.get("decision").asText()).isEqualTo("rollback");
                assertThat(evidence.get("labelled").asInt()).isEqualTo(40);
                assertThat(evidence.get("margin").asDouble()).isEqualTo(0.05);
                assertThat(store.probations()).isEmpty();
                maintenance.close();
            }
        }
    }

    /** Registers {@code good} as version 1 and {@code worse} as 2, promotes 1 and then 2; the served set, champion 2. */
    private ServedModels promoteWorse(KilnStore store, Bundle good, Bundle worse) throws Exception {
        for (Bundle bundle : List.of(good, worse)) {
            Path path = dir.resolve("b" + store.modelNames().size() + System.nanoTime());
            bundle.write(path);
            store.registerModel("toy", null, path, Map.of(), true);
        }
        store.promote("toy", 1, "champion", null);
        store.promote("toy", 2, "champion", "looked better offline");
        return ServedModels.builder().add(new ServedModel("toy", 1, good, 100))
                .add(new ServedModel("toy", 2, worse, 100)).alias("toy", "champion", 2).build();
    }

    /** Monitoring that logs every request, rollback at a margin of 0.05 after 20 labels; its loop runs hourly, so the tests drive it. */
    private static MonitorConfig config(KilnStore store) {
        MonitorSettings settings = new MonitorSettings(DriftMethod.PSI, 0.5, new MonitorSettings.Window(500, 0, 10),
                new MonitorSettings.Log(1, 0, 0), null, List.of(),
                new MonitorSettings.Retrain(Set.of(), null, 10, 0, 0.05, 20, true));
        return MonitorConfig.of(store).withFallback(settings).withEvery(Duration.ofHours(1));
    }
}
