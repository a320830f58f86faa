package dev.kiln.cli;

import dev.kiln.store.ArtifactDeletion;
import dev.kiln.store.KilnStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln gc}: deletes artifacts no run or model version refers to, recording each deletion. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Delete artifact folders nothing refers to: failed runs, orphans, temporary files. Running runs are kept.")
final class GcCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Option(names = "--dry-run", description = "Only list what would be deleted.")
    boolean dryRun;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit log.")
    String reason;

    @Override
    int execute() {
        List<ArtifactDeletion> deletions;
        try (KilnStore opened = store.open()) {
            deletions = opened.collectGarbage(dryRun, reason);
        }
        long bytes = deletions.stream().mapToLong(ArtifactDeletion::bytes).sum();
        if (common.json) {
            var node = RunCommand.JSON.createObjectNode().put("dry_run", dryRun).put("bytes", bytes);
            var array = node.putArray("deleted");
            deletions.forEach(d -> array.addObject().put("path", d.path().toString()).put("run_id", d.runId())
                    .put("why", d.why()).put("bytes", d.bytes()));
            out().println(node.toPrettyString());
            return 0;
        }
        for (ArtifactDeletion d : deletions) {
            out().printf("%s %s (%s, %d bytes)%n", dryRun ? "would delete" : "deleted", d.path(), d.why(), d.bytes());
        }
        out().printf("%s %d folder(s), %d bytes%n", dryRun ? "would delete" : "deleted", deletions.size(), bytes);
        return 0;
    }
}
