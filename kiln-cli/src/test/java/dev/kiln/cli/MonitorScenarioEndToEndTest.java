package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring closes the loop, as real processes: a weather classifier trained on January to April 2012 of
 * seattle_weather is served; the summer's rows are replayed through /predict and /feedback with their true labels;
 * the temperatures drift, so the drift alert fires (log, webhook to a receiver on 127.0.0.1, audit entry), a
 * retraining starts on the fresh data plus the older labelled summer rows, the challenger and the champion are
 * scored on the newer labelled rows, and the challenger is promoted when it is better (else kept as challenger);
 * every step is in the audit log, the server answers with the new champion, and /metrics shows the monitoring.
 */
class MonitorScenarioEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private static List<String[]> rows(String from, String to) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = MonitorScenarioEndToEndTest.class.getResourceAsStream("/monitor/seattle_2012.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split(",");
                if (f.length == 6 && f[0].compareTo(from) >= 0 && f[0].compareTo(to) < 0) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private void writeTraining() throws IOException {
        StringBuilder csv = new StringBuilder("date,precipitation,temp_max,temp_min,wind,weather\n");
        for (String[] row : rows("2012-01-01", "2012-05-01")) {
            csv.append(String.join(",", row)).append('\n');
        }
        Files.createDirectories(work.resolve("data"));
        Files.writeString(work.resolve("data/weather.csv"), csv);
    }

    private void writeSpec(String hook) throws IOException {
        Files.writeString(work.resolve("pipeline.yaml"), String.join("\n",
                "name: seattle",
                "problem: { task: classification, target: weather, metric: accuracy, accept: \"accuracy >= 0.3\" }",
                "data: { source: { csv: data/weather.csv } }",
                "prepare: { drop: [date], impute: { numeric: median, categorical: most_frequent }, encode: onehot }",
                "split: { validation: 0.2, test: 0.2, stratify: false, seed: 7 }",
                "train: { learners: [logistic, { name: tree, params: { max_depth: 4 } }], seed: 7 }",
                "monitor:",
                "  drift: { method: auto, share: 0.3 }",
                "  window: { rows: 60, min_rows: 40 }",
                "  log: { sample: 1.0, retention_days: 3650 }",
                "  alerts:",
                "    - { when: \"drift_share > 0.3\", webhook: \"" + hook + "\" }",
                "    - { when: \"accuracy < 0.5\" }",
                "  retrain: { on: [drift], min_labels: 40, margin: 0.0 }",
                ""));
    }

    @Test
    void driftFiresAnAlertAndARetrainPromotesABetterChallenger() throws Exception {
        BlockingQueue<String> hooks = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        writeTraining();
        writeSpec("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        CliProcess.Result run = CliProcess.run(work, "run", "pipeline.yaml", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(CliProcess.run(work, "models", "promote", "seattle", "1", "--alias", "champion").exitCode()).isZero();

        Process server = CliProcess.builder(work, "serve", "--store", ".kiln", "--port", "0", "--reload-every", "1",
                "--monitor-every", "1").redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try {
            int port = readPort(server, log);
            replay(port, rows("2012-06-01", "2012-10-01"));

            List<AuditEntry> audit = awaitAudit(e -> e.action().equals(AuditEntry.PROMOTE) && "champion".equals(e.alias())
                    && e.version() == 2 || e.action().equals(AuditEntry.REJECT));
            List<String> actions = audit.stream().map(AuditEntry::action).toList();
            assertThat(actions).contains(AuditEntry.ALERT, AuditEntry.RETRAIN, AuditEntry.EVALUATE);
            AuditEntry alert = audit.stream().filter(e -> e.action().equals(AuditEntry.ALERT)
                    && e.reason().equals("drift_share > 0.3")).findFirst().orElseThrow();
            assertThat(JSON.readTree(alert.detail()).at("/values/drift_share").asDouble()).isGreaterThan(0.3);
            String hook = hooks.poll(10, TimeUnit.SECONDS);
            assertThat(hook).as("webhook body").isNotNull();
            assertThat(JSON.readTree(hook).get("model").asText()).isEqualTo("seattle");

            AuditEntry retrain = audit.stream().filter(e -> e.action().equals(AuditEntry.RETRAIN)).findFirst().orElseThrow();
            JsonNode retrainEvidence = JSON.readTree(retrain.detail());
            assertThat(retrainEvidence.get("trigger").asText()).isEqualTo("drift");
            assertThat(retrainEvidence.at("/trigger_evidence/drifted").toString()).contains("temp_max");
            assertThat(retrainEvidence.at("/data/feedback_rows").asInt()).isPositive();

            AuditEntry evaluate = audit.stream().filter(e -> e.action().equals(AuditEntry.EVALUATE)).findFirst().orElseThrow();
            JsonNode evidence = JSON.readTree(evaluate.detail());
            double champion = evidence.at("/champion_metrics/accuracy").asDouble();
            double challenger = evidence.at("/challenger_metrics/accuracy").asDouble();
            assertThat(evidence.get("evaluation_rows").asInt()).isGreaterThanOrEqualTo(40);
            boolean promoted = actions.contains(AuditEntry.PROMOTE) && audit.stream().anyMatch(e -> e.action().equals(AuditEntry.PROMOTE)
                    && "champion".equals(e.alias()) && Integer.valueOf(2).equals(e.version()));
            assertThat(promoted).as("promoted iff better: challenger %s vs champion %s", challenger, champion)
                    .isEqualTo(challenger > champion);
            assertThat(evidence.get("decision").asText()).isEqualTo(promoted ? "promoted" : "challenger");
            if (promoted) {
                awaitAnswering(port, "seattle:2");
            }

            String metrics = get(port, "/metrics");
            assertThat(metrics).contains("kiln_monitor_drift_share{model=\"seattle\"}").contains("kiln_prediction_log_written")
                    .contains("kiln_requests_seconds_count{model=\"seattle:1\"");
            JsonNode status = JSON.readTree(get(port, "/monitor/seattle"));
            int requests = 0;
            for (JsonNode service : status.get("service")) {
                requests += service.get("requests").asInt();
            }
            assertThat(requests).as("requests of every version").isGreaterThanOrEqualTo(rows("2012-06-01", "2012-10-01").size());
            System.out.println("scenario: " + evaluate.reason() + "\n" + evaluate.detail());
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            receiver.stop(0);
        }
        assertThat(log.toString()).contains("ALERT seattle");

        CliProcess.Result report = CliProcess.run(work, "monitor", "report", "--model", "seattle", "--version", "1",
                "--from", "2000-01-01", "--report", "drift.html", "--json");
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode data = JSON.readTree(report.out());
        assertThat(data.get("rows").asInt()).isPositive();
        assertThat(data.at("/drift/dataset_drift").asBoolean()).isTrue();
        assertThat(data.get("bins")).hasSize(4);
        assertThat(data.get("timeline").size()).isGreaterThan(1);
        assertThat(Files.readString(work.resolve("drift.html"))).startsWith("<!DOCTYPE html>").contains("echarts").contains("temp_max");
        CliProcess.Result bad = CliProcess.run(work, "monitor", "report", "--model", "seattle", "--from", "yesterday");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--from: cannot read 'yesterday' as a time");

        CliProcess.Result retrain = CliProcess.run(work, "retrain", "seattle", "--json");
        assertThat(retrain.exitCode()).as(retrain.err()).isZero();
        JsonNode outcome = JSON.readTree(retrain.out());
        assertThat(outcome.get("decision").asText()).isIn("promoted", "challenger");
        assertThat(outcome.get("challenger").asInt()).isEqualTo(3);
        try (KilnStore store = KilnStore.open(work.resolve(".kiln"))) {
            AuditEntry manual = store.audit("seattle", 50).stream().filter(e -> e.action().equals(AuditEntry.RETRAIN)).findFirst().orElseThrow();
            assertThat(JSON.readTree(manual.detail()).get("trigger").asText()).isEqualTo("manual");
            assertThat(store.aliases("seattle").get(outcome.get("decision").asText().equals("promoted") ? "champion" : "challenger")).isEqualTo(3);
        }
        CliProcess.Result unknown = CliProcess.run(work, "retrain", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no model 'nope'");
    }

    private void replay(int port, List<String[]> rows) throws Exception {
        for (String[] row : rows) {
            String body = String.format("{\"precipitation\": %s, \"temp_max\": %s, \"temp_min\": %s, \"wind\": %s}",
                    row[1], row[2], row[3], row[4]);
            HttpResponse<String> answer = post(port, "/predict", body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String id = answer.headers().firstValue("X-Prediction-Id").orElseThrow();
            HttpResponse<String> feedback = post(port, "/feedback", "{\"id\": \"" + id + "\", \"label\": \"" + row[5] + "\"}");
            assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
        }
    }

    private List<AuditEntry> awaitAudit(Predicate<AuditEntry> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<AuditEntry> entries = List.of();
        while (System.nanoTime() < deadline) {
            try (KilnStore store = KilnStore.open(work.resolve(".kiln"))) {
                entries = store.audit("seattle", 200);
            }
            if (entries.stream().anyMatch(done)) {
                return entries;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no decision in the audit log after 90 s: " + entries.stream().map(e -> e.action() + " " + e.reason()).toList());
    }

    private static void awaitAnswering(int port, String ref) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String answering = "";
        while (!answering.equals(ref) && System.nanoTime() < deadline) {
            answering = JSON.readTree(post(port, "/predict",
                    "{\"precipitation\": 0, \"temp_max\": 20, \"temp_min\": 10, \"wind\": 3}").body()).get("model").asText();
            Thread.sleep(200);
        }
        assertThat(answering).isEqualTo(ref);
    }

    private static HttpResponse<String> post(int port, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Reads the server's output until it says where it serves, then keeps collecting it on a thread. */
    private static int readPort(Process server, StringBuilder log) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");
        for (String line; (line = reader.readLine()) != null; ) {
            log.append(line).append('\n');
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        for (String more; (more = reader.readLine()) != null; ) {
                            synchronized (log) {
                                log.append(more).append('\n');
                            }
                        }
                    } catch (IOException e) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("server did not start:\n" + log);
    }
}
