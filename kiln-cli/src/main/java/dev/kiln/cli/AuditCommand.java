package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln audit}: every change to the registry and the artifacts, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the audit log: registrations, promotions, rollbacks, archivals and deletions, who made them and why.")
final class AuditCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Option(names = "--model", paramLabel = "NAME", description = "Only changes to this model.")
    String model;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    int execute() {
        try (KilnStore opened = store.open()) {
            AuditTable.print(out(), opened.audit(model, limit), common.json);
        }
        return 0;
    }
}
