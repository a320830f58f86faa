package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.store.ArtifactFile;
import dev.kiln.store.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How the {@code kiln runs} commands show a run: its status word, its age, and its JSON form. */
final class RunJson {
    private RunJson() {
    }

    /** {@code running}, {@code finished}, {@code failed}, or {@code stale} for a running run whose process died. */
    static String status(Run run) {
        return run.stale() ? "stale" : run.status();
    }

    /** Wall time from start to end, or to now while running, e.g. {@code 3.2s}, {@code 4m05s}, {@code 2h10m}. */
    static String duration(Run run) {
        Duration d = Duration.between(run.started(), run.finished() == null ? Instant.now() : run.finished());
        long s = d.getSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        return s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    static ObjectNode summary(Run run) {
        ObjectNode node = RunCommand.JSON.createObjectNode();
        node.put("id", run.id()).put("name", run.name()).put("status", run.status()).put("stale", run.stale())
                .put("started", run.started().toString())
                .put("finished", run.finished() == null ? null : run.finished().toString())
                .put("duration", duration(run)).put("user", run.process().user());
        return node;
    }

    static ObjectNode full(Run run) {
        ObjectNode node = summary(run);
        node.put("spec_hash", run.specHash()).put("data_hash", run.dataHash()).put("kiln_version", run.kilnVersion())
                .put("host", run.process().host());
        if (run.process().pid() != null) {
            node.put("pid", run.process().pid());
        }
        node.put("artifact_dir", run.artifactDir().toString());
        ObjectNode params = node.putObject("params");
        run.params().forEach(params::put);
        ObjectNode metrics = node.putObject("metrics");
        run.metrics().forEach(metrics::put);
        ObjectNode timings = node.putObject("timings");
        run.timings().forEach(timings::put);
        var artifacts = node.putArray("artifacts");
        for (ArtifactFile file : run.artifacts()) {
            artifacts.addObject().put("path", file.path()).put("size", file.size()).put("sha256", file.sha256());
        }
        return node;
    }
}
