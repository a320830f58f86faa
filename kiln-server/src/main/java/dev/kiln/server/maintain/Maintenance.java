package dev.kiln.server.maintain;

import dev.kiln.store.Probation;
import dev.kiln.eval.Metric;
import dev.kiln.server.monitor.ModelStatus;
import dev.kiln.server.monitor.Monitor;
import dev.kiln.server.monitor.MonitorPolicy;
import dev.kiln.server.monitor.SettingsSource;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import dev.kiln.store.Run;
import dev.kiln.store.Snapshot;
import dev.kiln.workflow.MonitorSettings;
import dev.kiln.workflow.Spec;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance policy of a monitored server, driven by every evaluation: starts a retraining when the spec's
 * triggers say so — dataset drift appearing ({@code drift}), concept drift appearing ({@code quality}), the cron
 * schedule coming due ({@code schedule}), a snapshot of the model newer than the champion's data ({@code data}) —
 * one at a time per model on a background thread; after a promotion keeps the replaced champion scoring in shadow
 * and rolls the promotion back when, over enough labelled rows, the new champion's live metric falls more than the
 * margin below it. A probation (the promoted and previous versions and the margin, fixed at promotion) is kept in
 * the store, so a restarted server goes on watching it. Reloads the server after every alias move. Thread-safe.
 */
public final class Maintenance implements Monitor.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    private static final long RETRY_MS = 30_000;

    /** Makes the server pick up alias moves now. */
    @FunctionalInterface
    public interface Reloader {
        void reload() throws IOException;
    }


    /** A retraining waiting for enough labelled rows. */
    private record Trigger(String name, Map<String, Object> evidence) {
    }

    private final Retrainer retrainer;
    private final KilnStore store;
    private final MonitorPolicy policy;
    private final SettingsSource settings;
    private final Reloader reloader;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiln-retrain");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> drifting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> degrading = new ConcurrentHashMap<>();
    private final Map<String, ZonedDateTime> nextScheduled = new ConcurrentHashMap<>();
    private final Map<String, Long> retryAt = new ConcurrentHashMap<>();
    private final Map<String, Trigger> pending = new ConcurrentHashMap<>();
    private final Set<String> seenSnapshots = ConcurrentHashMap.newKeySet();
    private final Map<String, Probation> probation = new ConcurrentHashMap<>();
    private final Map<String, RetrainOutcome> last = new ConcurrentHashMap<>();

    public Maintenance(Retrainer retrainer, KilnStore store, MonitorPolicy policy, SettingsSource settings, Reloader reloader,
                       Clock clock) {
        this.retrainer = retrainer;
        this.store = store;
        this.policy = policy;
        this.settings = settings;
        this.reloader = reloader;
        this.clock = clock;
        // promotions still on probation when the server stopped: watched again, their previous champion in shadow
        for (Probation p : store.probations()) {
            probation.put(p.model(), p);
            policy.shadow(p.model(), p.previous());
        }
    }

    /** The latest retraining outcome of each model. */
    public Map<String, RetrainOutcome> outcomes() {
        return Map.copyOf(last);
    }

    /** Whether a retraining of {@code model} is running or queued. */
    public boolean retraining(String model) {
        return running.contains(model);
    }

    @Override
    public void evaluated(ModelStatus status) {
        String model = status.model();
        MonitorSettings.Retrain retrain = policy.settings(model).retrain();
        checkProbation(status, retrain);
        Map<String, Double> v = status.values();
        boolean drift = v.getOrDefault("dataset_drift", 0.0) == 1.0;
        boolean concept = v.getOrDefault("concept_drift", 0.0) == 1.0;
        boolean driftEdge = drift && !drifting.getOrDefault(model, false);
        boolean conceptEdge = concept && !degrading.getOrDefault(model, false);
        drifting.put(model, drift);
        degrading.put(model, concept);
        long now = clock.millis();
        boolean retry = retryAt.containsKey(model) && now >= retryAt.get(model) && (drift || concept);
        if (retrain.on().contains("drift") && (driftEdge || (retry && drift))) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("drift_share", v.get("drift_share"));
            evidence.put("drifted", status.drift() == null ? java.util.List.of() : status.drift().drifted());
            evidence.put("window_rows", status.windowRows());
            pending.put(model, new Trigger("drift", evidence));
        } else if (retrain.on().contains("quality") && (conceptEdge || (retry && concept))) {
            pending.put(model, new Trigger("quality", Map.of("error_rate", v.getOrDefault("error_rate", Double.NaN),
                    "labelled", status.quality().labelled())));
        }
        startPending(model, retrain);
        if (retrain.on().contains("schedule") && retrain.schedule() != null) {
            ZonedDateTime at = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            ZonedDateTime due = nextScheduled.computeIfAbsent(model, m -> retrain.schedule().next(at));
            if (!at.isBefore(due)) {
                nextScheduled.put(model, retrain.schedule().next(at));
                start(model, "schedule", Map.of("schedule", retrain.schedule().toString(), "due", due.toString()));
            }
        }
        if (retrain.on().contains("data")) {
            newSnapshot(model).ifPresent(s -> start(model, "data", Map.of("snapshot", s.id(), "rows", s.rows(), "source", s.source())));
        }
    }

    /**
     * Starts a drift or quality retraining once enough rows are labelled: twice the policy's minimum, so that the
     * newer half can judge the challenger and the older half can teach it.
     */
    private void startPending(String model, MonitorSettings.Retrain retrain) {
        Trigger trigger = pending.get(model);
        if (trigger == null || store.monitorLog().countLabelled(model) < 2L * retrain.minLabels()) {
            return;
        }
        if (start(model, trigger.name(), trigger.evidence())) {
            pending.remove(model);
        }
    }

    private java.util.Optional<Snapshot> newSnapshot(String model) {
        ModelVersion champion = retrainer.champion(model);
        String data = champion.runId() == null ? null : store.run(champion.runId()).map(Run::dataHash).orElse(null);
        for (Snapshot snapshot : store.snapshots()) {
            if (snapshot.name().equals(model) && !snapshot.id().equals(data) && snapshot.created().isAfter(champion.created())
                    && !snapshot.source().contains(" labelled predictions") && seenSnapshots.add(snapshot.id())) {
                return java.util.Optional.of(snapshot);
            }
        }
        return java.util.Optional.empty();
    }

    /** Queues a retraining of {@code model} unless one is running; returns whether it was queued. */
    public boolean start(String model, String trigger, Map<String, Object> evidence) {
        if (!running.add(model)) {
            return false;
        }
        retryAt.remove(model);
        worker.submit(() -> {
            try {
                int previous = retrainer.champion(model).version();
                RetrainOutcome outcome = retrainer.retrain(model, trigger, evidence);
                last.put(model, outcome);
                if (outcome.decision().equals(RetrainOutcome.SKIPPED)) {
                    retryAt.put(model, clock.millis() + RETRY_MS);
                } else {
                    if (outcome.decision().equals(RetrainOutcome.PROMOTED)) {
                        watch(model, outcome.challenger(), previous);
                    }
                    reloader.reload();
                }
            } catch (Exception e) {
                LOG.warn("retraining {} on {} failed: {}", model, trigger, e.toString());
                store.recordDecision(AuditEntry.RETRAIN, model, null, null, Retrainer.json(Map.of("trigger", trigger,
                        "decision", "failed", "error", String.valueOf(e.getMessage()))), "failed: " + e.getMessage());
            } finally {
                running.remove(model);
            }
        });
        return true;
    }

    /**
     * Puts a promotion of {@code model} from {@code previous} to {@code promoted} on probation: the previous champion
     * scores live traffic in shadow until enough rows are labelled, and the promotion is rolled back if it fell behind.
     * Retrainings do this themselves; call it for a promotion made by hand.
     */
    public void watch(String model, int promoted, int previous) {
        Probation p = new Probation(model, promoted, previous, policy.settings(model).retrain().rollbackMargin(), clock.millis());
        store.startProbation(p);
        probation.put(model, p);
        policy.shadow(model, previous);
    }

    /** The promotions on probation now, by model. */
    public Map<String, Probation> probations() {
        return Map.copyOf(probation);
    }

    /** Rolls a promotion back when the new champion falls behind the one it replaced, on the same labelled rows. */
    private void checkProbation(ModelStatus status, MonitorSettings.Retrain retrain) {
        Probation p = probation.get(status.model());
        if (p == null || status.version() != p.promoted()) {
            return;
        }
        ModelStatus.Shadow shadow = status.shadows().stream().filter(s -> s.version() == p.previous()).findFirst().orElse(null);
        if (shadow == null || shadow.labelled() < retrain.rollbackLabels()) {
            return;
        }
        String metricName = settings.spec(status.model(), status.version()).map(Spec::problem).map(Spec.Problem::metric)
                .orElse(status.quality().detector().equals("ddm") ? Metric.ACCURACY.label() : Metric.RMSE.label());
        Metric metric = Metric.fromLabel(metricName);
        double promoted = shadow.championMetrics().getOrDefault(metricName, Double.NaN);
        double previous = shadow.metrics().getOrDefault(metricName, Double.NaN);
        double drop = metric.higherIsBetter() ? previous - promoted : promoted - previous;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("promoted", p.promoted());
        evidence.put("previous", p.previous());
        evidence.put("metric", metricName);
        evidence.put("promoted_score", promoted);
        evidence.put("previous_score", previous);
        evidence.put("margin", p.margin());
        evidence.put("labelled", shadow.labelled());
        probation.remove(status.model());
        store.endProbation(status.model());
        policy.stopShadowing(status.model(), p.previous());
        if (p.margin() >= 0 && drop > p.margin()) {
            evidence.put("decision", "rollback");
            store.rollback(status.model(), Retrainer.CHAMPION, Retrainer.json(evidence));
            LOG.warn("rolled {} back from {} to {}: {} {} vs {}", status.model(), p.promoted(), p.previous(), metricName, promoted, previous);
            try {
                reloader.reload();
            } catch (IOException e) {
                LOG.warn("reload after rollback failed: {}", e.getMessage());
            }
        } else {
            evidence.put("decision", "kept");
            store.recordDecision(AuditEntry.EVALUATE, status.model(), p.promoted(), null, Retrainer.json(evidence),
                    "probation passed: " + metricName + " " + promoted + " vs previous champion " + previous);
        }
    }

    /** Waits for a running retraining to finish (at most 30 s) and stops the worker. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
