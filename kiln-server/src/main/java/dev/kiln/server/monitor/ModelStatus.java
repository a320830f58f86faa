package dev.kiln.server.monitor;

import dev.kiln.monitor.DriftSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation found for one model: the window of logged predictions of the version answering it, drift
 * against that version's reference (null below the window's minimum rows), live quality from feedback, latency
 * percentiles of the logged requests, the values alert rules read, the alerts holding, and how shadow versions do
 * on the same labelled rows. Immutable.
 */
public record ModelStatus(String model, int version, Instant at, int windowRows, DriftSummary drift, LiveQuality quality,
                          Latency latency, Map<String, Double> values, List<String> activeAlerts, List<Shadow> shadows) {
    public ModelStatus {
        values = Map.copyOf(values);
        activeAlerts = List.copyOf(activeAlerts);
        shadows = List.copyOf(shadows);
    }

    /** Latency percentiles of the logged requests in the window, milliseconds (NaN when empty). */
    public record Latency(double p50, double p95, double p99, double max) {
    }

    /**
     * A shadow version compared with the answering one on the same labelled predictions: both sets of metrics.
     */
    public record Shadow(int version, int labelled, Map<String, Double> metrics, Map<String, Double> championMetrics) {
        public Shadow {
            metrics = Map.copyOf(metrics);
            championMetrics = Map.copyOf(championMetrics);
        }
    }
}
