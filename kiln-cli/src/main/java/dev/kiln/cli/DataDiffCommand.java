package dev.kiln.cli;

import dev.kiln.data.Frame;
import dev.kiln.monitor.DatasetDiff;
import dev.kiln.store.KilnStore;
import dev.kiln.store.Snapshot;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln data diff A B}: schema changes, row counts and the distribution shift of every shared column. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two snapshots: schema changes, row counts, per-column PSI, missing fractions and means.")
final class DataDiffCommand extends KilnCommand {
    @Parameters(index = "0", paramLabel = "A", description = "The earlier snapshot (id or prefix).")
    String before;

    @Parameters(index = "1", paramLabel = "B", description = "The later snapshot (id or prefix).")
    String after;

    @Mixin
    StoreOption store;

    @Override
    int execute() throws Exception {
        try (KilnStore kiln = store.open()) {
            Snapshot a = DataShowCommand.find(kiln, before);
            Snapshot b = DataShowCommand.find(kiln, after);
            Frame fa = kiln.readSnapshot(a.id());
            Frame fb = kiln.readSnapshot(b.id());
            DatasetDiff diff = DatasetDiff.between(fa, fb);
            if (common.json) {
                var node = RunCommand.JSON.valueToTree(diff);
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("a", a.id()).put("b", b.id());
                out().println(node.toPrettyString());
                return 0;
            }
            out().printf("%s (%s) -> %s (%s)%n", a.shortId(), a.name(), b.shortId(), b.name());
            out().printf("rows: %d -> %d (%+d)%n", diff.rowsBefore(), diff.rowsAfter(), diff.rowsAfter() - diff.rowsBefore());
            out().printf("added: %s%nremoved: %s%nkind changed: %s%n", list(diff.added()), list(diff.removed()), list(diff.kindChanged()));
            out().printf("%-24s %-11s %8s %9s %9s %12s %12s%n", "column", "kind", "psi", "missing_a", "missing_b", "mean_a", "mean_b");
            for (DatasetDiff.ColumnShift c : diff.columns()) {
                out().printf(Locale.ROOT, "%-24s %-11s %8s %9.4f %9.4f %12s %12s%n", c.name(), c.kind(), fmt(c.psi()),
                        c.missingBefore(), c.missingAfter(), fmt(c.meanBefore()), fmt(c.meanAfter()));
            }
        }
        return 0;
    }

    private static String list(java.util.List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
