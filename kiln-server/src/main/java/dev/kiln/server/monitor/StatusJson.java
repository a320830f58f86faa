package dev.kiln.server.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.monitor.DriftReference;
import dev.kiln.monitor.DriftSummary;
import java.util.Map;

/** The JSON form of monitoring results, as {@code GET /monitor} and {@code kiln monitor report --json} give them. */
public final class StatusJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusJson() {
    }

    public static ObjectNode status(ModelStatus status) {
        ObjectNode out = MAPPER.createObjectNode().put("model", status.model()).put("version", status.version())
                .put("at", status.at().toString()).put("window_rows", status.windowRows());
        out.set("drift", status.drift() == null ? MAPPER.nullNode() : drift(status.drift()));
        out.set("quality", quality(status.quality()));
        ObjectNode latency = out.putObject("latency_ms");
        Alerts.putFinite(latency, "p50", status.latency().p50());
        Alerts.putFinite(latency, "p95", status.latency().p95());
        Alerts.putFinite(latency, "p99", status.latency().p99());
        Alerts.putFinite(latency, "max", status.latency().max());
        out.set("values", numbers(status.values()));
        ArrayNode alerts = out.putArray("active_alerts");
        status.activeAlerts().forEach(alerts::add);
        ArrayNode shadows = out.putArray("shadows");
        for (ModelStatus.Shadow shadow : status.shadows()) {
            ObjectNode s = shadows.addObject().put("version", shadow.version()).put("labelled", shadow.labelled());
            s.set("metrics", numbers(shadow.metrics()));
            s.set("champion_metrics", numbers(shadow.championMetrics()));
        }
        return out;
    }

    public static ObjectNode drift(DriftSummary drift) {
        ObjectNode out = MAPPER.createObjectNode().put("rows", drift.rows()).put("drift_share", drift.driftShare())
                .put("dataset_drift", drift.datasetDrift());
        Alerts.putFinite(out, "max_psi", drift.maxPsi());
        ArrayNode features = out.putArray("features");
        for (DriftReference.FeatureDrift f : drift.features()) {
            features.add(feature(f));
        }
        out.set("prediction", drift.prediction() == null ? MAPPER.nullNode() : feature(drift.prediction()));
        return out;
    }

    private static ObjectNode feature(DriftReference.FeatureDrift f) {
        ObjectNode node = MAPPER.createObjectNode().put("feature", f.feature());
        Alerts.putFinite(node, "psi", f.psi());
        node.put("status", f.status()).put("method", f.method());
        Alerts.putFinite(node, "statistic", f.statistic());
        if (!Double.isNaN(f.pValue())) {
            Alerts.putFinite(node, "p_value", f.pValue());
        }
        return node.put("drifted", f.drifted());
    }

    public static ObjectNode quality(LiveQuality quality) {
        ObjectNode out = MAPPER.createObjectNode().put("labelled", quality.labelled()).put("unknown_labels", quality.unknownLabels());
        out.set("metrics", numbers(quality.metrics()));
        Alerts.putFinite(out, "error_rate", quality.errorRate());
        return out.put("detector", quality.detector()).put("detector_state", quality.detectorState())
                .put("concept_drift", quality.conceptDrift());
    }

    public static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode out = MAPPER.createObjectNode();
        values.forEach((k, v) -> Alerts.putFinite(out, k, v));
        return out;
    }
}
