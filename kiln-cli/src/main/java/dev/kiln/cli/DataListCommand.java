package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kiln.store.KilnStore;
import dev.kiln.store.Snapshot;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiln data list}: every snapshot, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored dataset snapshots, newest first.")
final class DataListCommand extends KilnCommand {
    @Mixin
    StoreOption store;

    @Override
    int execute() {
        try (KilnStore kiln = store.open()) {
            List<Snapshot> snapshots = kiln.snapshots();
            if (common.json) {
                ArrayNode array = RunCommand.JSON.createArrayNode();
                snapshots.forEach(s -> array.add(DataShowCommand.json(s)));
                out().println(array.toPrettyString());
                return 0;
            }
            out().printf("%-12s  %-20s %10s %7s  %-24s  %s%n", "id", "name", "rows", "columns", "created", "source");
            for (Snapshot s : snapshots) {
                out().printf("%-12s  %-20s %10d %7d  %-24s  %s%n", s.shortId(), s.name(), s.rows(), s.columns(), s.created(), s.source());
            }
        }
        return 0;
    }
}
