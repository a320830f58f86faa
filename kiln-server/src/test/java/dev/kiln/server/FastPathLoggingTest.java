package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.monitor.DriftMethod;
import dev.kiln.store.KilnStore;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.workflow.MonitorSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every prediction logged, one-record requests still take the compiled path, which hands the log the row it
 * parsed: the raw values, an unseen category's label, the key field (a non-feature), the output and the latency; a
 * model with a version scoring in shadow goes back to the general path, whose frames the shadow needs.
 */
class FastPathLoggingTest {
    @TempDir
    Path dir;

    private KilnStore store;
    private PredictionServer server;
    private ServerClient client;
    private ServedModel toy;

    @BeforeEach
    void start() throws Exception {
        MonitorSettings settings = new MonitorSettings(DriftMethod.PSI, 0.5, new MonitorSettings.Window(200, 0, 20),
                new MonitorSettings.Log(1, 0, 0), "id", List.of(), MonitorSettings.Retrain.manual());
        store = KilnStore.open(dir.resolve(".kiln"));
        toy = new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 100);
        ServedModels models = ServedModels.builder().add(toy).build();
        MonitorConfig config = MonitorConfig.of(store).withFallback(settings).withEvery(Duration.ofHours(1));
        server = new PredictionServer(() -> models, ServerOptions.defaults(), config).start("127.0.0.1", 0);
        client = new ServerClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void loggedOneRecordRequestsTakeTheCompiledPath() throws Exception {
        PredictionRecorder recorder = new PredictionRecorder(server.monitoring().log());
        assertThat(toy.records()).as("the toy pipeline compiles").isNotNull();
        assertThat(recorder.mayLog(toy)).isTrue();
        assertThat(recorder.fastPath(toy)).isTrue();
        assertThat(recorder.keyField(toy)).isEqualTo("id");

        HttpResponse<String> fast = client.post("/predict", "{\"size\": 2.5, \"colour\": \"purple\", \"id\": 1234}");
        assertThat(fast.statusCode()).as(fast.body()).isEqualTo(200);
        String id = fast.headers().firstValue(PredictionRecorder.ID_HEADER).orElseThrow();
        HttpResponse<String> general = client.post("/predict", "[{\"size\": 2.5, \"colour\": \"purple\", \"id\": 1235}]");
        assertThat(general.body()).as("the same answer either way").isEqualTo(fast.body());
        String generalId = general.headers().firstValue(PredictionRecorder.ID_HEADER).orElseThrow();

        assertThat(server.monitoring().log().flush(Duration.ofSeconds(5))).isTrue();
        LoggedPrediction logged = store.monitorLog().find(id).orElseThrow();
        assertThat(logged.inputs()).isEqualTo("{\"size\":2.5,\"colour\":\"purple\"}");
        assertThat(logged.key()).isEqualTo("1234");
        assertThat(logged.latencyMicros()).isPositive();
        LoggedPrediction viaFrame = store.monitorLog().find(generalId).orElseThrow();
        assertThat(viaFrame.inputs()).isEqualTo(logged.inputs());
        assertThat(viaFrame.outputs()).isEqualTo(logged.outputs());
        assertThat(viaFrame.prediction()).isEqualTo(logged.prediction());
        assertThat(client.post("/feedback", "{\"model\": \"toy\", \"key\": 1234, \"label\": \"yes\"}").statusCode()).isEqualTo(200);
        assertThat(store.monitorLog().find(id).orElseThrow().label()).isEqualTo("yes");

        server.monitoring().policy().shadow("toy", 2);
        assertThat(recorder.fastPath(toy)).as("a shadow needs the decoded frame").isFalse();
        server.monitoring().policy().stopShadowing("toy", 2);
        assertThat(recorder.fastPath(toy)).isTrue();
    }
}
