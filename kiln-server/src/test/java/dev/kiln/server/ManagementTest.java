package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token-guarded management, hot-swapping under load, Prometheus metrics and the API description. */
class ManagementTest {
    private static final String TOKEN = "s3cret-token";
    private final ServedModel v1 = new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 100);
    private final ServedModel v2 = new ServedModel("toy", 2, ToyModels.classifier("toy", 0.01), 100);
    private final AtomicInteger champion = new AtomicInteger(1);
    private PredictionServer server;

    private PredictionServer start(ServerOptions options) throws Exception {
        ModelSource source = () -> ServedModels.builder().add(v1).add(v2).alias("toy", "champion", champion.get()).build();
        server = new PredictionServer(source, options).start("127.0.0.1", 0);
        return server;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void managementNeedsTheToken() throws Exception {
        ServerClient client = new ServerClient(start(ServerOptions.defaults().withToken(TOKEN, false)).port());
        assertThat(client.post("/admin/reload", "", "application/json", null).statusCode()).isEqualTo(401);
        assertThat(client.post("/admin/reload", "", "application/json", "wrong").statusCode()).isEqualTo(401);
        assertThat(client.post("/admin/reload", "", "application/json", TOKEN).statusCode()).isEqualTo(200);
        assertThat(client.post("/predict", "{\"size\": 1, \"colour\": \"red\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenManagementIsRefused() throws Exception {
        ServerClient client = new ServerClient(start(ServerOptions.defaults()).port());
        HttpResponse<String> response = client.post("/admin/reload", "", "application/json", "anything");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("KILN_TOKEN");
    }

    @Test
    void guardedPredictionsNeedTheTokenToo() throws Exception {
        ServerClient client = new ServerClient(start(ServerOptions.defaults().withToken(TOKEN, true)).port());
        String body = "{\"size\": 1, \"colour\": \"red\"}";
        assertThat(client.post("/predict", body).statusCode()).isEqualTo(401);
        assertThat(client.post("/predict", body, "application/json", TOKEN).statusCode()).isEqualTo(200);
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void promotionHotSwapsWithoutAFailedRequest() throws Exception {
        ServerClient client = new ServerClient(start(ServerOptions.defaults().withToken(TOKEN, false)).port());
        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            clients.add(load.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> response = client.post("/models/toy/predict", "{\"size\": 3, \"colour\": \"blue\"}");
                    requests.incrementAndGet();
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                    } else {
                        seen.add(ServerClient.json(response).get("model").asText());
                    }
                }
                return null;
            }));
        }
        for (int swap = 0; swap < 30; swap++) {
            champion.set(swap % 2 == 0 ? 2 : 1);
            assertThat(client.post("/admin/reload", "", "application/json", TOKEN).statusCode()).isEqualTo(200);
            Thread.sleep(10);
        }
        running.set(false);
        for (Future<?> f : clients) {
            f.get(30, TimeUnit.SECONDS);
        }
        load.shutdown();
        assertThat(failures.get()).isZero();
        assertThat(requests.get()).isGreaterThan(30);
        assertThat(seen).containsExactlyInAnyOrder("toy:1", "toy:2");
    }

    @Test
    void pollingPicksUpAPromotion() throws Exception {
        ServerClient client = new ServerClient(start(ServerOptions.defaults().withReloadEvery(java.time.Duration.ofMillis(50))).port());
        String body = "{\"size\": 3, \"colour\": \"blue\"}";
        assertThat(ServerClient.json(client.post("/models/toy/predict", body)).get("model").asText()).isEqualTo("toy:1");
        champion.set(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String model = "";
        while (!model.equals("toy:2") && System.nanoTime() < deadline) {
            model = ServerClient.json(client.post("/models/toy/predict", body)).get("model").asText();
        }
        assertThat(model).isEqualTo("toy:2");
    }

    @Test
    void metricsCountRequestsPerModelWithALatencyHistogram() throws Exception {
        ServerClient client = new ServerClient(start(ServerOptions.defaults()).port());
        client.post("/models/toy:2/predict", "[{\"size\": 3, \"colour\": \"blue\"}, {\"size\": 4, \"colour\": \"red\"}]");
        client.post("/models/toy:2/predict", "{\"size\": \"x\", \"colour\": \"blue\"}");
        client.post("/invocations", "{\"instances\": [[1, \"red\"]]}");
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("kiln_requests_seconds_bucket{")
                .containsPattern("kiln_requests_seconds_count\\{[^}]*model=\"toy:2\"[^}]*protocol=\"kiln\"[^}]*status=\"200\"[^}]*} 1")
                .containsPattern("kiln_requests_seconds_count\\{[^}]*status=\"400\"[^}]*} 1")
                .containsPattern("kiln_predicted_rows_total\\{model=\"toy:2\"} 2")
                .contains("protocol=\"mlflow\"");
    }

    @Test
    void openApiAndSwaggerUiAreServedOffline() throws Exception {
        ServerClient client = new ServerClient(start(ServerOptions.defaults()).port());
        assertThat(ServerClient.json(client.get("/openapi.json")).get("paths").has("/v2/models/{model}/infer")).isTrue();
        assertThat(client.get("/docs").body()).contains("SwaggerUIBundle").contains("/openapi.json");
        HttpResponse<String> bundle = client.get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(client.get("/docs/..%2Fsecret").statusCode()).isEqualTo(404);
    }
}
