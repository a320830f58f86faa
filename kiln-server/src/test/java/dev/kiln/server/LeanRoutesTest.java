package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.server.monitor.PredictionLog;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lean handler on a bare Jetty server, with a stand-in for Javalin behind it that echoes what it received: the
 * requests it answers get the compiled path's bytes and are counted in the metrics; every other request reaches the
 * next handler with its method, path, query and body exactly as sent.
 */
class LeanRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ONE = "{\"size\": 7.5, \"colour\": \"blue\"}";

    private final ServedModel toy = new ServedModel("toy", 1, ToyModels.classifier("toy", 1.0), 100);
    private final ServedModels models = ServedModels.builder().add(toy).build();
    private final ServerMetrics metrics = new ServerMetrics();
    /** What the stand-in for Javalin was handed: "METHOD path?query body". */
    private final List<String> delegated = new CopyOnWriteArrayList<>();
    private Server server;
    private int port;

    private void start(TokenGuard guard, boolean guardPredictions, long maxBody) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        LeanRoutes lean = new LeanRoutes(() -> models, new PredictionRecorder(PredictionLog.OFF), metrics, guard,
                guardPredictions, maxBody);
        lean.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                delegated.add(request.getMethod() + " " + request.getHttpURI().getPathQuery() + " " + body);
                response.setStatus(299);
                response.write(true, ByteBuffer.wrap(("javalin:" + body).getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.setHandler(lean);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String compiled(String body) throws Exception {
        return new String(toy.records().predict(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void answersHealthAndOneRecordPredictionsItselfWithTheCompiledPathsBytesAndMetrics() throws Exception {
        start(new TokenGuard(null), false, 1 << 20);
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");

        for (String path : new String[] {"/predict", "/models/toy/predict", "/models/toy:1/predict"}) {
            HttpResponse<String> response = post(path, ONE, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo(compiled(ONE));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue(PredictionRecorder.ID_HEADER)).as("nothing is logged").isEmpty();
        }
        assertThat(delegated).isEmpty();
        String scrape = metrics.scrape();
        assertThat(scrape).contains("kiln_requests_seconds_count{model=\"toy:1\",protocol=\"kiln\",status=\"200\"} 3");
        assertThat(scrape).contains("kiln_predicted_rows_total{model=\"toy:1\"} 3.0");
    }

    @Test
    void handsEverythingElseOnWithItsBodyAsSent() throws Exception {
        start(new TokenGuard(null), false, 1 << 20);
        String batch = "[" + ONE + ", " + ONE + "]";
        String[][] cases = {
                {"/predict", batch},                                  // several records: read, declined, replayed
                {"/predict", "{\"size\": \"big\", \"colour\": \"blue\"}"}, // a wrong type: the general path names it
                {"/predict", "{\"size\": 7.5"},                       // malformed JSON
                {"/predict?explain=true", ONE},                       // any query string
                {"/models/nope/predict", ONE},                        // an unknown model: Javalin's 404
                {"/models/to%79/predict", ONE},                       // an escaped ref: Javalin decodes it
                {"/predict/", ONE},
                {"/invocations", ONE},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = post(c[0], c[1], null);
            assertThat(response.statusCode()).as(c[0] + " " + c[1]).isEqualTo(299);
            assertThat(response.body()).isEqualTo("javalin:" + c[1]);
        }
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                .PUT(HttpRequest.BodyPublishers.ofString(ONE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(299);
        // no Content-Length (chunked): Javalin reads it and applies its own size limit
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(ONE.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.body()).isEqualTo("javalin:" + ONE);
        assertThat(delegated).hasSize(cases.length + 2);
        assertThat(delegated.get(0)).isEqualTo("POST /predict " + batch);
        assertThat(delegated.get(3)).isEqualTo("POST /predict?explain=true " + ONE);
        assertThat(metrics.scrape()).as("Javalin's after-handlers count what it answers").doesNotContain("kiln_requests_seconds_count{");
    }

    @Test
    void bodiesOverTheLimitGoToJavalinUnread() throws Exception {
        start(new TokenGuard(null), false, 20);
        assertThat(post("/predict", ONE, null).body()).isEqualTo("javalin:" + ONE);
        assertThat(delegated).hasSize(1);
    }

    @Test
    void guardedPredictionsAreAnsweredOnlyWithTheToken() throws Exception {
        start(new TokenGuard("s3cret"), true, 1 << 20);
        assertThat(post("/predict", ONE, null).statusCode()).isEqualTo(299);
        assertThat(post("/predict", ONE, "wrong").statusCode()).isEqualTo(299);
        HttpResponse<String> allowed = post("/models/toy/predict", ONE, "s3cret");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo(compiled(ONE));
        assertThat(delegated).hasSize(2);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("health is never guarded").isEqualTo(200);
    }

    @Test
    void modelRefsArePlainSegmentsOnly() {
        assertThat(LeanRoutes.modelRef("/models/toy/predict")).isEqualTo("toy");
        assertThat(LeanRoutes.modelRef("/models/toy:3/predict")).isEqualTo("toy:3");
        assertThat(LeanRoutes.modelRef("/models/toy@champion/predict")).isEqualTo("toy@champion");
        assertThat(LeanRoutes.modelRef("/models//predict")).isNull();
        assertThat(LeanRoutes.modelRef("/models/a/b/predict")).isNull();
        assertThat(LeanRoutes.modelRef("/models/a%20b/predict")).isNull();
        assertThat(LeanRoutes.modelRef("/models/a+b/predict")).isNull();
        assertThat(LeanRoutes.modelRef("/models/../predict")).isNull();
        assertThat(LeanRoutes.modelRef("/models/toy/predictx")).isNull();
        assertThat(LeanRoutes.modelRef("/predict")).isNull();
        assertThat(LeanRoutes.modelRef("/models/predict")).isNull();
    }
}
