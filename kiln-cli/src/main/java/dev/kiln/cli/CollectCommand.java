package dev.kiln.cli;

import dev.kiln.data.Frame;
import dev.kiln.data.source.SourceContext;
import dev.kiln.store.KilnStore;
import dev.kiln.store.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln collect SOURCE --name NAME}: reads a source and stores it as an immutable dataset snapshot. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Read a source (a data file or glob, or a YAML/JSON source spec for databases, HTTP, MQTT, logs "
                + "and SQL) and store it as a dataset snapshot; prints its id, rows, columns and timings.")
final class CollectCommand extends KilnCommand {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "A file or glob (CSV, TSV, Parquet, JSON, NDJSON; .gz), or a source spec file.")
    String source;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The dataset's name.")
    String name;

    @Option(names = "--missing", paramLabel = "TOKEN",
            description = "A token that means a missing value, besides empty, NA, N/A, NaN and null (repeatable).")
    List<String> missing = new ArrayList<>();

    @Mixin
    StoreOption store;

    @Override
    int execute() throws Exception {
        SourceArgument argument = SourceArgument.parse(source);
        List<String> notes = new ArrayList<>();
        SourceContext context = SourceContext.of(argument.baseDir()).withMissing(missing).withNotes(note -> {
            notes.add(note);
            err().println("kiln: note: " + note);
        });
        long t0 = System.nanoTime();
        Frame frame = argument.source().read(context);
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        try (KilnStore kiln = store.open()) {
            long t1 = System.nanoTime();
            Snapshot snapshot = kiln.saveSnapshot(name, frame, argument.source().describe());
            double writeSeconds = (System.nanoTime() - t1) / 1e9;
            if (common.json) {
                out().println(RunCommand.JSON.createObjectNode().put("snapshot", snapshot.id()).put("name", snapshot.name())
                        .put("source", snapshot.source()).put("rows", snapshot.rows()).put("columns", snapshot.columns())
                        .put("read_s", readSeconds).put("write_s", writeSeconds).put("file", snapshot.file().toString())
                        .putPOJO("notes", notes).toPrettyString());
            } else {
                out().printf("snapshot %s%n", snapshot.id());
                out().printf("name     %s%nsource   %s%nrows     %d%ncolumns  %d%n", snapshot.name(), snapshot.source(),
                        snapshot.rows(), snapshot.columns());
                out().printf(Locale.ROOT, "read_s   %.3f%nwrite_s  %.3f%n", readSeconds, writeSeconds);
                notes.forEach(note -> out().println("note     " + note));
            }
        }
        return 0;
    }
}
