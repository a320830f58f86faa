package dev.kiln.server.monitor;

import dev.kiln.bundle.Bundle;
import dev.kiln.learn.Task;
import dev.kiln.monitor.DriftSummary;
import dev.kiln.store.LogWindow;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.MonitorLog;
import dev.kiln.workflow.MonitorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic evaluation of every served model: reads the window of its logged predictions, judges drift, live
 * quality and latency, checks the alert rules, compares shadow versions, keeps the latest {@link ModelStatus} of
 * each model and hands it to a listener (the maintenance policy). One thread; thread-safe to read.
 */
public final class Monitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    /** Told of every evaluation, on the monitor's thread. */
    @FunctionalInterface
    public interface Listener {
        void evaluated(ModelStatus status);
    }

    private final MonitorLog log;
    private final ModelLookup models;
    private final MonitorPolicy policy;
    private final Alerts alerts;
    private final Clock clock;
    private final Map<String, ModelStatus> statuses = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;

    public Monitor(MonitorLog log, ModelLookup models, MonitorPolicy policy, Alerts alerts, Clock clock) {
        this.log = log;
        this.models = models;
        this.policy = policy;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Adds a listener told of every evaluation from now on. */
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** Evaluates every model now and then every {@code every}, on a daemon thread. */
    public Monitor start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiln-monitor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::evaluateAllQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest status of each model evaluated so far. */
    public Map<String, ModelStatus> statuses() {
        return Map.copyOf(statuses);
    }

    private void evaluateAllQuietly() {
        for (String model : models.names()) {
            try {
                evaluate(model);
            } catch (RuntimeException e) {
                LOG.warn("monitoring {} failed: {}", model, e.getMessage());
            }
        }
    }

    /** Evaluates {@code model} now: returns and keeps its status; null when the model is not served. */
    public ModelStatus evaluate(String model) {
        int version = models.currentVersion(model);
        Bundle bundle = version < 0 ? null : models.bundle(model, version);
        if (bundle == null) {
            return null;
        }
        MonitorSettings settings = policy.settings(model);
        Task task = Task.fromLabel(bundle.manifest().task());
        long now = clock.millis();
        long from = settings.window().seconds() > 0 ? now - settings.window().seconds() * 1000 : 0;
        LogWindow rows = log.window(model, version, from, now + 1, settings.window().rows());
        DriftSummary drift = rows.size() < settings.window().minRows() ? null
                : DriftSummary.of(bundle.reference(), WindowFrames.inputs(rows, bundle.pipeline().inputSchema()),
                        WindowFrames.predictions(rows, task.isClassification()), settings.method(), settings.datasetShare(),
                        java.util.concurrent.ForkJoinPool.commonPool());
        List<LoggedPrediction> labelled = log.window(model, version, from, now + 1, settings.window().rows(), true);
        LiveQuality quality = LiveQuality.of(labelled, task, bundle.manifest().classes());
        ModelStatus.Latency latency = latency(rows);
        Map<String, Double> values = values(rows.size(), drift, quality, latency, settings);
        alerts.evaluate(model, version, settings.alerts(), values);
        List<ModelStatus.Shadow> shadows = new ArrayList<>();
        for (int shadow : policy.shadowVersions(model, version)) {
            shadows.add(shadow(model, shadow, from, settings.window().rows(), task, bundle));
        }
        ModelStatus status = new ModelStatus(model, version, Instant.ofEpochMilli(now), rows.size(), drift, quality, latency,
                values, alerts.active(model), shadows);
        statuses.put(model, status);
        for (Listener listener : listeners) {
            listener.evaluated(status);
        }
        return status;
    }

    private ModelStatus.Shadow shadow(String model, int version, long from, int limit, Task task, Bundle champion) {
        List<MonitorLog.ShadowComparison> pairs = log.shadowed(model, version, from, limit);
        List<LoggedPrediction> asAnswered = new ArrayList<>();
        List<LoggedPrediction> asShadowed = new ArrayList<>();
        for (MonitorLog.ShadowComparison pair : pairs) {
            LoggedPrediction p = pair.logged();
            asAnswered.add(p);
            asShadowed.add(new LoggedPrediction(p.id(), p.model(), version, p.atMs(), p.latencyMicros(), p.inputs(),
                    pair.shadow().prediction(), pair.shadow().outputs(), p.key(), p.label(), p.labelAtMs()));
        }
        Bundle shadowBundle = models.bundle(model, version);
        List<String> classes = shadowBundle != null ? shadowBundle.manifest().classes() : champion.manifest().classes();
        return new ModelStatus.Shadow(version, pairs.size(), LiveQuality.of(asShadowed, task, classes).metrics(),
                LiveQuality.of(asAnswered, task, champion.manifest().classes()).metrics());
    }

    private static ModelStatus.Latency latency(LogWindow rows) {
        if (rows.isEmpty()) {
            return new ModelStatus.Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] ms = rows.latencyMicros();
        for (int i = 0; i < ms.length; i++) {
            ms[i] /= 1000.0;
        }
        Arrays.sort(ms);
        return new ModelStatus.Latency(percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99), ms[ms.length - 1]);
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static Map<String, Double> values(int rows, DriftSummary drift, LiveQuality quality, ModelStatus.Latency latency,
                                              MonitorSettings settings) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rows", (double) rows);
        if (drift != null) {
            values.put("drift_share", drift.driftShare());
            values.put("drifted_features", (double) drift.drifted().size());
            values.put("dataset_drift", drift.datasetDrift() ? 1.0 : 0.0);
            values.put("max_psi", drift.maxPsi());
            if (drift.prediction() != null) {
                values.put("prediction_psi", drift.prediction().psi());
                values.put("prediction_drift", drift.prediction().drifted() ? 1.0 : 0.0);
            }
        }
        values.put("labelled", (double) quality.labelled());
        if (quality.labelled() >= settings.window().minRows()) {
            values.putAll(quality.metrics());
            values.put("error_rate", quality.errorRate());
            values.put("concept_drift", quality.conceptDrift() ? 1.0 : 0.0);
        }
        values.put("latency_p50_ms", latency.p50());
        values.put("latency_p95_ms", latency.p95());
        values.put("latency_p99_ms", latency.p99());
        return values;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
