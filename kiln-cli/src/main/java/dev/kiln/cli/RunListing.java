package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kiln.store.KilnStore;
import dev.kiln.store.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists recorded runs, newest first, filtered by name, status and metric thresholds: {@code kiln runs [list]}. */
abstract class RunListing extends KilnCommand {
    /** How many runs a metric filter looks through at most. */
    private static final int SCAN_LIMIT = 100_000;

    @Mixin
    StoreOptions store;

    @Option(names = "--name", paramLabel = "NAME", description = "Only runs of this name (the spec's name).")
    String name;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only runs in this status: running, finished, failed, or stale (running, but its process is gone).")
    String status;

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "Only runs whose metric meets the condition, e.g. \"test.roc_auc >= 0.8\" (repeatable: all must hold).")
    List<String> where = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit = 20;

    @Override
    int execute() {
        List<MetricCondition> conditions = where.stream().map(MetricCondition::parse).toList();
        if (limit <= 0) {
            throw new IllegalArgumentException("--limit must be positive: " + limit);
        }
        List<Run> runs;
        try (KilnStore opened = store.open()) {
            boolean stale = "stale".equals(status);
            boolean scan = stale || !conditions.isEmpty();
            runs = opened.runs(name, stale ? Run.RUNNING : status, scan ? SCAN_LIMIT : limit).stream()
                    .filter(run -> !stale || run.stale())
                    .filter(run -> conditions.stream().allMatch(c -> c.test(run.metrics()))).limit(limit).toList();
        }
        if (common.json) {
            ArrayNode array = RunCommand.JSON.createArrayNode();
            runs.forEach(run -> array.add(RunJson.summary(run)));
            out().println(array.toPrettyString());
            return 0;
        }
        out().printf("%-32s %-16s %-9s %-24s %9s  %s%n", "run", "name", "status", "started", "took", "test metrics");
        for (Run run : runs) {
            out().printf(Locale.ROOT, "%-32s %-16s %-9s %-24s %9s  %s%n", run.id(), run.name(), RunJson.status(run),
                    run.started(), RunJson.duration(run), testMetrics(run));
        }
        return 0;
    }

    private static String testMetrics(Run run) {
        var parts = new ArrayList<String>();
        run.metrics().forEach((k, v) -> {
            if (k.startsWith("test.")) {
                parts.add(String.format(Locale.ROOT, "%s=%.4f", k.substring(5), v));
            }
        });
        return String.join(" ", parts);
    }
}
