package dev.kiln.server;

import dev.kiln.server.monitor.ModelStatus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus gauges of monitoring: the prediction log's counters ({@code kiln_prediction_log_written},
 * {@code _dropped}, {@code _failed}, {@code _queued}) and, per model once first evaluated, the latest drift share,
 * dataset drift, max PSI, labelled rows, error rate and number of active alerts ({@code kiln_monitor_*}).
 */
final class MonitorGauges {
    private static final String[] VALUES = {"drift_share", "dataset_drift", "max_psi", "labelled", "error_rate", "prediction_psi"};

    private MonitorGauges() {
    }

    static void register(ServerMetrics metrics, ServerMonitoring monitoring) {
        metrics.gauge("kiln.prediction.log.written", "all", () -> monitoring.log().written());
        metrics.gauge("kiln.prediction.log.dropped", "all", () -> monitoring.log().dropped());
        metrics.gauge("kiln.prediction.log.failed", "all", () -> monitoring.log().failed());
        metrics.gauge("kiln.prediction.log.queued", "all", () -> monitoring.log().queued());
        Set<String> registered = ConcurrentHashMap.newKeySet();
        monitoring.monitor().listen(status -> {
            if (registered.add(status.model())) {
                String model = status.model();
                for (String value : VALUES) {
                    metrics.gauge("kiln.monitor." + value, model, () -> value(monitoring, model, value));
                }
                metrics.gauge("kiln.monitor.active.alerts", model, () -> {
                    ModelStatus latest = monitoring.monitor().statuses().get(model);
                    return latest == null ? 0 : latest.activeAlerts().size();
                });
            }
        });
    }

    private static double value(ServerMonitoring monitoring, String model, String value) {
        ModelStatus latest = monitoring.monitor().statuses().get(model);
        Double v = latest == null ? null : latest.values().get(value);
        return v == null ? Double.NaN : v;
    }
}
