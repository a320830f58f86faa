package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln models history NAME}: the audit log of one model, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Every change to one model, newest first: what, when, who and why.")
final class ModelsHistoryCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
    String name;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default: ${DEFAULT-VALUE}).")
    int limit = 100;

    @Override
    int execute() {
        try (KilnStore opened = store.open()) {
            AuditTable.print(out(), opened.audit(name, limit), common.json);
        }
        return 0;
    }
}
