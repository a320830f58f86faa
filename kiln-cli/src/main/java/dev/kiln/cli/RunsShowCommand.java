package dev.kiln.cli;

import dev.kiln.store.ArtifactFile;
import dev.kiln.store.KilnStore;
import dev.kiln.store.Run;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln runs show ID}: everything recorded about one run. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one run: lineage, parameters, metrics, timings, artifacts.")
final class RunsShowCommand extends KilnCommand {
    /** How many recent runs a shortened id is looked up in. */
    private static final int PREFIX_SCAN_LIMIT = 10_000;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The run id (as kiln runs list shows it), or a prefix of it that only one run has.")
    String id;

    @Override
    int execute() {
        Run run;
        try (KilnStore opened = store.open()) {
            run = find(opened, id);
        }
        if (common.json) {
            out().println(RunJson.full(run).toPrettyString());
            return 0;
        }
        PrintWriter out = out();
        out.printf("run:      %s (%s)%n", run.id(), run.name());
        out.printf("status:   %s%s%n", RunJson.status(run), run.stale()
                ? " (recorded as running; its process " + run.process().pid() + " on " + run.process().host() + " is gone)" : "");
        out.printf("started:  %s, took %s, by %s on %s%n", run.started(), RunJson.duration(run), run.process().user(),
                run.process().host());
        out.printf("kiln:     %s%nspec:     %s%ndata:     %s%n", run.kilnVersion(), run.specHash(), run.dataHash());
        section(out, "params", run.params());
        section(out, "metrics", run.metrics());
        section(out, "timings (s)", run.timings());
        out.printf("artifacts (%s):%n", run.artifactDir());
        for (ArtifactFile file : run.artifacts()) {
            boolean present = Files.isRegularFile(run.artifactDir().resolve(file.path()));
            out.printf(Locale.ROOT, "  %-40s %10d  %s%s%n", file.path(), file.size(), file.sha256(),
                    present ? "" : "  (deleted)");
        }
        return 0;
    }

    /** The run with this id, or the only one whose id starts with it; unknown ids are the caller's mistake. */
    static Run find(KilnStore store, String id) {
        Optional<Run> exact = store.run(id);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Run> matches = store.runs(null, null, PREFIX_SCAN_LIMIT).stream().filter(r -> r.id().startsWith(id)).toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException("run id prefix '" + id + "' matches " + matches.size() + " runs; give more of it");
        }
        return matches.stream().findFirst().orElseThrow(() -> new IllegalArgumentException("unknown run '" + id
                + "' (kiln runs list shows the run ids)"));
    }

    private static void section(PrintWriter out, String title, Map<String, ?> values) {
        out.printf("%s:%n", title);
        values.forEach((k, v) -> out.printf(Locale.ROOT, "  %-40s %s%n", k, v instanceof Double d ? format(d) : v));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
