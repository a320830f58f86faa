package dev.kiln.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.server.monitor.ModelStatus;
import dev.kiln.server.monitor.StatusJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /monitor} and {@code GET /monitor/{model}}: a JSON summary of monitoring — per model the latest
 * evaluation (window drift, live quality, latency of logged requests, alert values, active alerts, shadow
 * comparisons) and the service health since start (requests, errors, throughput, latency percentiles), plus the
 * prediction log's counters. {@code ?refresh=true} evaluates now instead of showing the latest evaluation.
 */
final class MonitorApi {
    private final ServerMonitoring monitoring;
    private final ServerMetrics metrics;

    MonitorApi(ServerMonitoring monitoring, ServerMetrics metrics) {
        this.monitoring = monitoring;
        this.metrics = metrics;
    }

    void all(Context ctx) throws IOException {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode models = out.putArray("models");
        Map<String, ServerMetrics.Health> health = metrics.health();
        if (monitoring != null) {
            for (String name : monitoring.models().names()) {
                models.add(model(name, refresh(ctx), health));
            }
            out.putObject("log").put("written", monitoring.log().written()).put("dropped", monitoring.log().dropped())
                    .put("failed", monitoring.log().failed()).put("queued", monitoring.log().queued());
        }
        out.put("monitoring", monitoring != null);
        Json.send(ctx, 200, out);
    }

    void one(Context ctx) throws IOException {
        if (monitoring == null) {
            throw new NotFoundException("monitoring is off: start the server with a store (kiln serve --store DIR)");
        }
        String name = ctx.pathParam("model");
        if (!monitoring.models().names().contains(name)) {
            throw new NotFoundException("no model '" + name + "' (served: " + String.join(", ", monitoring.models().names()) + ")");
        }
        Json.send(ctx, 200, model(name, refresh(ctx), metrics.health()));
    }

    private static boolean refresh(Context ctx) {
        return "true".equals(ctx.queryParam("refresh"));
    }

    private ObjectNode model(String name, boolean refresh, Map<String, ServerMetrics.Health> health) {
        ModelStatus status = refresh ? monitoring.monitor().evaluate(name) : monitoring.monitor().statuses().get(name);
        ObjectNode out = status == null ? Json.MAPPER.createObjectNode().put("model", name).put("evaluated", false)
                : StatusJson.status(status).put("evaluated", true);
        ObjectNode service = out.putObject("service");
        health.forEach((tag, h) -> {
            if (tag.equals(name) || tag.startsWith(name + ":")) {
                ObjectNode node = service.putObject(tag).put("requests", h.requests()).put("errors", h.errors())
                        .put("error_rate", h.requests() == 0 ? 0 : (double) h.errors() / h.requests())
                        .put("per_second", h.perSecond());
                putFinite(node, "p50_ms", h.p50());
                putFinite(node, "p95_ms", h.p95());
                putFinite(node, "p99_ms", h.p99());
            }
        });
        return out;
    }

    private static void putFinite(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
