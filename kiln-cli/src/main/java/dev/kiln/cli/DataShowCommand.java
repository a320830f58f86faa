package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.explore.ColumnProfile;
import dev.kiln.explore.Profile;
import dev.kiln.explore.Profiler;
import dev.kiln.store.KilnStore;
import dev.kiln.store.Snapshot;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln data show ID}: a snapshot's metadata, schema and per-column statistics. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a snapshot: schema and per-column statistics.")
final class DataShowCommand extends KilnCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "A snapshot id or unambiguous prefix (at least 6 hex digits).")
    String id;

    @Mixin
    StoreOption store;

    @Override
    int execute() throws Exception {
        try (KilnStore kiln = store.open()) {
            Snapshot snapshot = find(kiln, id);
            Frame frame = kiln.readSnapshot(snapshot.id());
            Profile profile = Profiler.profile(frame, null);
            if (common.json) {
                ObjectNode node = json(snapshot);
                node.set("profile", RunCommand.JSON.valueToTree(profile));
                out().println(node.toPrettyString());
                return 0;
            }
            out().printf("snapshot %s%nname     %s%nsource   %s%ncreated  %s%nrows     %d%ncolumns  %d%n%n", snapshot.id(),
                    snapshot.name(), snapshot.source(), snapshot.created(), snapshot.rows(), snapshot.columns());
            out().printf("%-24s %-11s %8s %8s %12s %12s %12s%n", "column", "kind", "missing", "distinct", "min", "mean", "max");
            for (ColumnProfile c : profile.columnProfiles()) {
                out().printf(Locale.ROOT, "%-24s %-11s %8d %8d %12s %12s %12s%n", c.name(), c.kind(), c.missing(), c.distinct(),
                        number(c.min()), number(c.mean()), number(c.max()));
            }
        }
        return 0;
    }

    static Snapshot find(KilnStore kiln, String id) {
        return kiln.snapshot(id).orElseThrow(() -> new InvalidDataException("no snapshot '" + id + "' in " + kiln.kilnDir()));
    }

    static ObjectNode json(Snapshot s) {
        ObjectNode node = RunCommand.JSON.createObjectNode().put("id", s.id()).put("name", s.name()).put("rows", s.rows())
                .put("columns", s.columns()).put("source", s.source()).put("created", s.created().toString())
                .put("file", s.file().toString());
        var schema = node.putArray("schema");
        s.schema().fields().forEach(f -> schema.addObject().put("name", f.name()).put("kind", f.kind().label()));
        return node;
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
