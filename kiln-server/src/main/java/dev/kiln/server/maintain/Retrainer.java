package dev.kiln.server.maintain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.bundle.Bundle;
import dev.kiln.bundle.KilnVersion;
import dev.kiln.data.Frame;
import dev.kiln.eval.Metric;
import dev.kiln.server.monitor.LiveQuality;
import dev.kiln.server.monitor.SettingsSource;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.ModelVersion;
import dev.kiln.store.Run;
import dev.kiln.store.Snapshot;
import dev.kiln.workflow.Collected;
import dev.kiln.workflow.MonitorSettings;
import dev.kiln.workflow.RunResult;
import dev.kiln.workflow.Spec;
import dev.kiln.workflow.SpecLoader;
import dev.kiln.workflow.WorkflowRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains a registered model: reruns the spec its champion's run recorded on fresh data — a snapshot of the
 * model's name newer than the champion's data, else the spec's source read again — plus the older half of the
 * labelled production rows (logged inputs with their feedback labels); scores champion and challenger on the
 * newer half, the same rows for both; promotes the challenger to {@code champion} only when it beats the champion
 * by the policy's margin on the spec's metric and passes the spec's acceptance rule on those rows, else points
 * {@code challenger} at it. Every step goes to the audit log with its evidence. Runs are recorded as {@code kiln run}
 * records them. Thread-safe per model when callers serialise retrains of one model (the scheduler does).
 */
public final class Retrainer {
    private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /** At most this many labelled production rows are read. */
    private static final int LABELLED_LIMIT = 200_000;
    public static final String CHAMPION = "champion";

    private final KilnStore store;
    private final SettingsSource settings;

    public Retrainer(KilnStore store, SettingsSource settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The champion: the version the {@code champion} alias points to, else the latest. */
    public ModelVersion champion(String model) {
        Integer version = store.aliases(model).get(CHAMPION);
        Optional<ModelVersion> found = version != null ? store.version(model, version) : store.resolve(model);
        return found.orElseThrow(() -> new IllegalArgumentException("no model '" + model + "' in " + store.kilnDir()
                + " (models: " + String.join(", ", store.modelNames()) + ")"));
    }

    /** Retrains {@code model} because of {@code trigger} ({@code drift}, {@code schedule}, {@code data}, {@code manual}, ...). */
    public RetrainOutcome retrain(String model, String trigger, Map<String, Object> triggerEvidence) throws IOException {
        ModelVersion champion = champion(model);
        MonitorSettings.Retrain policy = settings.settings(model, champion.version()).retrain();
        Spec spec = spec(champion);
        List<LoggedPrediction> labelled = store.monitorLog().window(model, null, 0, Long.MAX_VALUE, LABELLED_LIMIT, true);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("trigger", trigger);
        evidence.put("trigger_evidence", triggerEvidence);
        evidence.put("champion", champion.version());
        evidence.put("labelled_rows", labelled.size());
        int evaluationRows = Math.min(labelled.size(), Math.max(policy.minLabels(), (labelled.size() + 1) / 2));
        if (labelled.size() < policy.minLabels()) {
            String reason = "only " + labelled.size() + " labelled predictions, need at least " + policy.minLabels()
                    + " to compare champion and challenger";
            return skipped(model, trigger, champion, reason, evidence);
        }
        List<LoggedPrediction> training = labelled.subList(0, labelled.size() - evaluationRows);
        List<LoggedPrediction> evaluation = labelled.subList(labelled.size() - evaluationRows, labelled.size());
        Fresh fresh = freshData(spec, model, champion);
        Frame frame = FeedbackRows.append(fresh.frame(), training, spec.problem().target());
        Snapshot snapshot = store.saveSnapshot(model, frame, fresh.source() + " + " + training.size() + " labelled predictions");
        evidence.put("data", Map.of("source", fresh.source(), "source_rows", fresh.frame().rowCount(),
                "feedback_rows", training.size(), "snapshot", snapshot.id()));
        evidence.put("evaluation_rows", evaluation.size());
        store.recordDecision(AuditEntry.RETRAIN, model, champion.version(), null, json(evidence), "retrain on " + trigger);
        LOG.info("retraining {} (champion {}) on {}: {} rows", model, champion.version(), trigger, frame.rowCount());
        Trained trained = train(model, spec, frame, snapshot, trigger, champion);
        return decide(model, trigger, spec, policy, champion, trained, evaluation, evidence);
    }

    private record Fresh(Frame frame, String source) {
    }

    private record Trained(ModelVersion version, RunResult result) {
    }

    /** The spec the champion's run recorded: the original file when it is still there, else the run's copy. */
    private Spec spec(ModelVersion champion) throws IOException {
        Run run = champion.runId() == null ? null : store.run(champion.runId()).orElse(null);
        if (run == null) {
            throw new IllegalArgumentException(champion.ref() + " has no run, so no spec to retrain from");
        }
        String original = run.params().get("spec");
        if (original != null && Files.isRegularFile(Path.of(original))) {
            return SpecLoader.load(Path.of(original), false);
        }
        Path copy = store.kilnDir().resolve("artifacts").resolve("runs").resolve(run.id()).resolve(SettingsSource.SPEC_COPY);
        return SpecLoader.load(copy, false);
    }

    private Fresh freshData(Spec spec, String model, ModelVersion champion) throws IOException {
        String championData = store.run(champion.runId()).map(Run::dataHash).orElse(null);
        java.time.Instant trained = champion.created();
        for (Snapshot snapshot : store.snapshots()) {
            if (snapshot.name().equals(model) && !snapshot.id().equals(championData) && snapshot.created().isAfter(trained)
                    && !snapshot.source().contains(" labelled predictions")) {
                return new Fresh(store.readSnapshot(snapshot.id()), "snapshot " + snapshot.shortId() + " (" + snapshot.source() + ")");
            }
        }
        Collected read = WorkflowRunner.collect(spec, note -> LOG.info("{}: {}", model, note));
        return new Fresh(read.frame(), read.source());
    }

    private Trained train(String model, Spec spec, Frame frame, Snapshot snapshot, String trigger, ModelVersion champion)
            throws IOException {
        Run run = store.startRun(model, spec.hash(), snapshot.id(), KilnVersion.get());
        try {
            store.saveArtifact(run.id(), SettingsSource.SPEC_COPY, spec.file());
            store.logParams(run.id(), Map.of("spec", spec.file().toAbsolutePath().toString(), "data_version", snapshot.id(),
                    "data_source", snapshot.source(), "trigger", trigger, "retrain_of", champion.ref()));
            Collected data = new Collected(frame, snapshot.id(), snapshot.source(), 0);
            RunResult result = WorkflowRunner.run(spec, data, run.id(), store.artifactDir(run.id()),
                    (stage, seconds, summary) -> LOG.info("retrain {} [{}] {} s: {}", model, stage, String.format("%.2f", seconds), summary));
            Map<String, Double> metrics = new LinkedHashMap<>();
            result.testMetrics().forEach((k, v) -> metrics.put("test." + k, v));
            store.logMetrics(run.id(), metrics);
            store.logTimings(run.id(), result.timings());
            store.logParams(run.id(), Map.of("chosen", result.chosen(), "metric", result.metric()));
            store.recordArtifacts(run.id());
            ModelVersion version = store.registerModel(model, run.id(), result.bundle(), result.testMetrics(), result.accepted());
            store.finishRun(run.id(), Run.FINISHED);
            return new Trained(version, result);
        } catch (IOException | RuntimeException e) {
            try {
                store.recordArtifacts(run.id());
                store.finishRun(run.id(), Run.FAILED);
            } catch (RuntimeException inner) {
                e.addSuppressed(inner);
            }
            throw e;
        }
    }

    private RetrainOutcome decide(String model, String trigger, Spec spec, MonitorSettings.Retrain policy, ModelVersion champion,
                                  Trained trained, List<LoggedPrediction> evaluation, Map<String, Object> evidence) throws IOException {
        String metricName = spec.problem().metric();
        Metric metric = Metric.fromLabel(metricName);
        Bundle championBundle = Bundle.read(champion.bundlePath());
        Bundle challengerBundle = Bundle.read(trained.result().bundle());
        List<LoggedPrediction> common = commonLabels(evaluation, championBundle, challengerBundle);
        evidence.put("scored_rows", common.size());
        Map<String, Double> championMetrics = common.isEmpty() ? Map.of() : LiveQuality.rescore(championBundle, common);
        Map<String, Double> challengerMetrics = common.isEmpty() ? Map.of() : LiveQuality.rescore(challengerBundle, common);
        double championScore = championMetrics.getOrDefault(metricName, Double.NaN);
        double challengerScore = challengerMetrics.getOrDefault(metricName, Double.NaN);
        double gain = metric.higherIsBetter() ? challengerScore - championScore : championScore - challengerScore;
        boolean better = !Double.isNaN(gain) && gain > policy.margin() || (Double.isNaN(championScore) && !Double.isNaN(challengerScore));
        boolean accepted = spec.problem().accept() == null || spec.problem().accept().test(challengerMetrics);
        int version = trained.version().version();
        evidence.put("challenger", version);
        evidence.put("run", trained.version().runId());
        evidence.put("metric", metricName);
        evidence.put("margin", policy.margin());
        evidence.put("champion_metrics", championMetrics);
        evidence.put("challenger_metrics", challengerMetrics);
        evidence.put("challenger_test_metrics", trained.result().testMetrics());
        evidence.put("accept", spec.problem().accept() == null ? "none" : spec.problem().accept().toString());
        evidence.put("better", better);
        evidence.put("accepted", accepted);
        String decision = better && accepted ? RetrainOutcome.PROMOTED : RetrainOutcome.CHALLENGER;
        evidence.put("decision", decision);
        String reason = String.format("%s %s: challenger %s %.4f vs champion %s %.4f on %d fresh labelled rows%s", decision,
                version, version, challengerScore, champion.version(), championScore, evaluation.size(),
                accepted ? "" : "; fails the acceptance rule " + spec.problem().accept());
        String body = json(evidence);
        store.recordDecision(AuditEntry.EVALUATE, model, version, trained.version().runId(), body, reason);
        if (decision.equals(RetrainOutcome.PROMOTED)) {
            store.promote(model, version, CHAMPION, body);
        } else {
            store.recordDecision(AuditEntry.REJECT, model, version, trained.version().runId(), body, reason);
            store.promote(model, version, "challenger", body);
        }
        LOG.info("retrain {}: {}", model, reason);
        return new RetrainOutcome(model, trigger, decision, champion.version(), version, trained.version().runId(), metricName,
                championScore, challengerScore, evaluation.size(), accepted, reason, evidence);
    }

    /** The rows both models can be scored on: for classifiers, those whose label is a class of both. */
    private static List<LoggedPrediction> commonLabels(List<LoggedPrediction> rows, Bundle a, Bundle b) {
        if (a.manifest().classes().isEmpty()) {
            return rows;
        }
        return rows.stream().filter(r -> a.manifest().classes().contains(r.label()) && b.manifest().classes().contains(r.label()))
                .toList();
    }

    private RetrainOutcome skipped(String model, String trigger, ModelVersion champion, String reason, Map<String, Object> evidence) {
        evidence.put("decision", RetrainOutcome.SKIPPED);
        evidence.put("reason", reason);
        store.recordDecision(AuditEntry.RETRAIN, model, champion.version(), null, json(evidence), "skipped: " + reason);
        LOG.info("retrain {} skipped: {}", model, reason);
        return new RetrainOutcome(model, trigger, RetrainOutcome.SKIPPED, champion.version(), 0, null, null, Double.NaN,
                Double.NaN, 0, false, reason, evidence);
    }

    static String json(Map<String, Object> evidence) {
        try {
            return JSON.writeValueAsString(finite(evidence));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence as JSON", e);
        }
    }

    /** NaN and infinities become null: JSON cannot hold them. */
    private static Object finite(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), finite(v)));
            return out;
        }
        return value;
    }
}
