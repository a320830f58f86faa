package dev.kiln.server.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.monitor.DriftReference;
import dev.kiln.monitor.DriftSummary;
import dev.kiln.monitor.FeatureReference;
import dev.kiln.store.LogWindow;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.MonitorLog;
import dev.kiln.workflow.MonitorSettings;
import java.time.Instant;
import java.util.List;

/**
 * The data of an offline drift report ({@code kiln monitor report}): the logged predictions of one model version
 * answered in a time range, judged against its bundle's reference — the summary and every feature's verdict, each
 * feature's reference and window proportions over the reference's bins, drift per period (up to ten consecutive
 * periods of equal row counts) and live quality from feedback. Stateless.
 */
public final class DriftReportBuilder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** At most this many logged predictions are read. */
    public static final int MAX_ROWS = 1_000_000;
    private static final int PERIODS = 10;

    private DriftReportBuilder() {
    }

    /** The report of {@code version} of {@code model} ({@code bundle}) over [{@code fromMs}, {@code toMs}). */
    public static ObjectNode build(MonitorLog log, String model, int version, Bundle bundle, MonitorSettings settings,
                                   long fromMs, long toMs) {
        LogWindow rows = log.window(model, version, fromMs, toMs, MAX_ROWS);
        Task task = Task.fromLabel(bundle.manifest().task());
        ObjectNode out = MAPPER.createObjectNode().put("model", model).put("version", version).put("rows", rows.size())
                .put("from", fromMs <= 0 ? null : Instant.ofEpochMilli(fromMs).toString())
                .put("to", toMs == Long.MAX_VALUE ? null : Instant.ofEpochMilli(toMs).toString())
                .put("method", settings.method().label()).put("dataset_share", settings.datasetShare());
        if (rows.isEmpty()) {
            out.putNull("drift");
            out.putArray("bins");
            out.putArray("timeline");
            out.set("quality", StatusJson.quality(LiveQuality.of(List.of(), task, bundle.manifest().classes())));
            return out;
        }
        DriftReference reference = bundle.reference();
        Frame inputs = WindowFrames.inputs(rows, bundle.pipeline().inputSchema());
        DriftSummary summary = DriftSummary.of(reference, inputs, WindowFrames.predictions(rows, task.isClassification()),
                settings.method(), settings.datasetShare(),
                        java.util.concurrent.ForkJoinPool.commonPool());
        out.set("drift", StatusJson.drift(summary));
        ArrayNode bins = out.putArray("bins");
        for (FeatureReference feature : reference.features()) {
            ObjectNode b = bins.addObject().put("feature", feature.name()).put("kind", feature.kind().label());
            feature.binLabels().forEach(b.putArray("labels")::add);
            ArrayNode expected = b.putArray("reference");
            for (double p : feature.proportions()) {
                expected.add(p);
            }
            ArrayNode actual = b.putArray("current");
            for (double p : feature.proportionsOf(inputs.column(feature.name()))) {
                actual.add(p);
            }
        }
        timeline(out.putArray("timeline"), rows, bundle, settings, task);
        List<LoggedPrediction> labelled = rows.labelled();
        out.set("quality", StatusJson.quality(LiveQuality.of(labelled, task, bundle.manifest().classes())));
        return out;
    }

    private static void timeline(ArrayNode out, LogWindow rows, Bundle bundle, MonitorSettings settings, Task task) {
        int periods = Math.min(PERIODS, rows.size() / Math.max(1, settings.window().minRows()));
        for (int p = 0; p < periods; p++) {
            LogWindow part = rows.slice(p * rows.size() / periods, (p + 1) * rows.size() / periods);
            DriftSummary summary = DriftSummary.of(bundle.reference(), WindowFrames.inputs(part, bundle.pipeline().inputSchema()),
                    WindowFrames.predictions(part, task.isClassification()), settings.method(), settings.datasetShare(),
                        java.util.concurrent.ForkJoinPool.commonPool());
            ObjectNode period = out.addObject().put("from", Instant.ofEpochMilli(part.atMs(0)).toString())
                    .put("to", Instant.ofEpochMilli(part.atMs(part.size() - 1)).toString()).put("rows", part.size())
                    .put("drift_share", summary.driftShare());
            ObjectNode psi = period.putObject("psi");
            summary.features().forEach(f -> Alerts.putFinite(psi, f.feature(), f.psi()));
        }
    }
}
