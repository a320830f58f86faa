package dev.kiln.workflow;

import dev.kiln.data.Checks;
import dev.kiln.monitor.DriftMethod;
import java.util.List;
import java.util.Set;

/**
 * The {@code monitor:} section of a spec beyond the PSI thresholds: how drift is judged over which window of
 * logged predictions, what is logged and kept, the key column feedback may name, alert rules and the retraining
 * policy. Immutable; built by {@link SpecLoader}, or {@link #defaults()} when the spec says nothing.
 *
 * @param method       how each feature's drift is judged ({@link DriftMethod#AUTO}: by kind and size)
 * @param datasetShare the data drifted as a whole when at least this share of features did
 * @param key          a column of the requests whose value feedback may give instead of the prediction id, or null
 */
public record MonitorSettings(DriftMethod method, double datasetShare, Window window, Log log, String key,
                              List<Alert> alerts, Retrain retrain) {
    /** The values alert rules may read, besides every metric label (from feedback). */
    public static final List<String> ALERT_VALUES = List.of("drift_share", "drifted_features", "dataset_drift", "max_psi",
            "prediction_psi", "prediction_drift", "concept_drift", "error_rate", "labelled", "rows",
            "latency_p50_ms", "latency_p95_ms", "latency_p99_ms");
    /** What may trigger a retraining. */
    public static final List<String> TRIGGERS = List.of("drift", "schedule", "data", "quality");

    public MonitorSettings {
        Checks.checkArgument(datasetShare > 0 && datasetShare <= 1, "datasetShare must be in (0, 1]: %s", datasetShare);
        alerts = List.copyOf(alerts);
    }

    /**
     * Which logged predictions drift and live metrics are computed over: the newest {@code rows}, answered within the
     * last {@code seconds} (0: no time limit); nothing is judged with fewer than {@code minRows}.
     */
    public record Window(int rows, long seconds, int minRows) {
        public Window {
            Checks.checkArgument(rows > 0, "window rows must be positive: %s", rows);
            Checks.checkArgument(seconds >= 0, "window seconds must not be negative: %s", seconds);
            Checks.checkArgument(minRows > 0 && minRows <= rows, "window min_rows must be in [1, rows]: %s", minRows);
        }
    }

    /** Which predictions are logged (a share, 0 to 1) and how long they are kept (0: no limit). */
    public record Log(double sample, int retentionDays, long retentionRows) {
        public Log {
            Checks.checkArgument(sample >= 0 && sample <= 1, "log sample must be in [0, 1]: %s", sample);
            Checks.checkArgument(retentionDays >= 0 && retentionRows >= 0, "retention must not be negative");
        }
    }

    /**
     * One alert rule: fires when {@code when} holds for a model's monitored values, then not again until it has
     * cleared or {@code cooldownSeconds} passed; posts to {@code webhook} (may be null: log only).
     */
    public record Alert(AcceptRule when, String webhook, long cooldownSeconds) {
        public Alert {
            Checks.checkArgument(when != null, "an alert needs a rule");
            Checks.checkArgument(cooldownSeconds >= 0, "cooldown must not be negative: %s", cooldownSeconds);
        }
    }

    /**
     * When and how to retrain: the triggers ({@link #TRIGGERS}), the cron schedule (or null), at least
     * {@code minLabels} labelled recent predictions to compare champion and challenger on, and by how much the
     * challenger must beat the champion on the spec's metric ({@code margin}, in the metric's units). A promoted
     * model is rolled back when, over {@code rollbackLabels} labelled predictions, its live metric falls more than
     * {@code rollbackMargin} below the previous champion's (negative: never). {@code shadow}: a challenger also
     * scores live traffic.
     */
    public record Retrain(Set<String> on, CronSchedule schedule, int minLabels, double margin, double rollbackMargin,
                          int rollbackLabels, boolean shadow) {
        public Retrain {
            on = Set.copyOf(on);
            Checks.checkArgument(TRIGGERS.containsAll(on), "unknown retrain trigger in %s (known: %s)", on, TRIGGERS);
            Checks.checkArgument(!on.contains("schedule") || schedule != null, "retraining on schedule needs a schedule");
            Checks.checkArgument(minLabels > 0 && rollbackLabels > 0, "label counts must be positive");
        }

        /** Never retrains by itself; {@code kiln retrain} still may. */
        public static Retrain manual() {
            return new Retrain(Set.of(), null, 50, 0.0, -1, 50, true);
        }
    }

    /** No alerts, no automatic retraining, nothing logged, drift by kind and size over the newest 1,000 rows. */
    public static MonitorSettings defaults() {
        return new MonitorSettings(DriftMethod.AUTO, 0.5, new Window(1000, 0, 100), new Log(0, 0, 0), null, List.of(),
                Retrain.manual());
    }
}
