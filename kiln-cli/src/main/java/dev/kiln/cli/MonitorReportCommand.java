package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.Bundle;
import dev.kiln.report.DriftHtmlReport;
import dev.kiln.server.monitor.DriftReportBuilder;
import dev.kiln.server.monitor.SettingsSource;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import dev.kiln.workflow.MonitorSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln monitor report --model NAME [--from T1 --to T2] --report drift.html}: drift of the logged predictions of
 * a model version in a time range against its bundle's reference, as a self-contained HTML report with per-feature
 * charts, or as JSON ({@code --json}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Drift of a model's logged predictions against its training reference: per feature, over time, and of the predictions.",
                "Times are UTC: 2026-12-01, 2026-12-01T10:00 or 2026-12-01T10:00:00Z."})
final class MonitorReportCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The registered model.")
    String model;

    @Option(names = "--version", paramLabel = "N", description = "The version whose predictions to judge (default: the champion, else the latest).")
    Integer version;

    @Option(names = "--from", paramLabel = "TIME", description = "Only predictions answered at or after this time.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only predictions answered before this time.")
    String to;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the HTML report here.")
    Path report;

    @Override
    int execute() throws Exception {
        long fromMs = from == null ? 0 : time("--from", from);
        long toMs = to == null ? Long.MAX_VALUE : time("--to", to);
        if (fromMs >= toMs) {
            throw new IllegalArgumentException("--from (" + from + ") must be before --to (" + to + ")");
        }
        ObjectNode data;
        try (KilnStore opened = store.open()) {
            ModelVersion chosen = chosen(opened);
            Bundle bundle = Bundle.read(chosen.bundlePath());
            MonitorSettings settings = new SettingsSource(opened, MonitorSettings.defaults(), null).settings(model, chosen.version());
            data = DriftReportBuilder.build(opened.monitorLog(), model, chosen.version(), bundle, settings, fromMs, toMs);
        }
        if (report != null) {
            DriftHtmlReport.write(data.toString(), "Kiln drift report: " + model + ":" + data.get("version").asInt(), report);
        }
        if (common.json) {
            out().println(data.toPrettyString());
        } else {
            print(data);
        }
        return 0;
    }

    private ModelVersion chosen(KilnStore opened) {
        String ref = version != null ? model + ":" + version : opened.aliases(model).containsKey("champion") ? model + "@champion" : model;
        return opened.resolve(ref).orElseThrow(() -> new IllegalArgumentException("no model '" + ref + "' in " + store.storeDir
                + " (models: " + String.join(", ", opened.modelNames()) + ")"));
    }

    private void print(JsonNode data) {
        out().printf("%s:%d: %d logged predictions%s%n", model, data.get("version").asInt(), data.get("rows").asInt(),
                report == null ? "" : "; report written to " + report);
        JsonNode drift = data.get("drift");
        if (drift == null || drift.isNull()) {
            return;
        }
        out().printf("%-24s %8s %-6s  %-12s %10s  %s%n", "feature", "psi", "status", "method", "statistic", "drifted");
        for (JsonNode f : drift.get("features")) {
            out().printf(Locale.ROOT, "%-24s %8.4f %-6s  %-12s %10.4f  %s%n", f.get("feature").asText(), f.path("psi").asDouble(),
                    f.get("status").asText(), f.get("method").asText(), f.path("statistic").asDouble(), f.get("drifted").asBoolean() ? "yes" : "no");
        }
        out().printf(Locale.ROOT, "drift share %.2f; dataset drift: %s%n", drift.get("drift_share").asDouble(),
                drift.get("dataset_drift").asBoolean() ? "yes" : "no");
    }

    private static long time(String option, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (text.endsWith("Z")) {
                return Instant.parse(text).toEpochMilli();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": cannot read '" + text
                    + "' as a time (expected 2026-12-01, 2026-12-01T10:00 or 2026-12-01T10:00:00Z)");
        }
    }
}
