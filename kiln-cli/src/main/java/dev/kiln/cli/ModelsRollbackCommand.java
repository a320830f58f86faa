package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln models rollback NAME [--alias A]}: moves an alias back to the version it pointed to before. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Move an alias (default: champion) back to the version it pointed to before its last move.")
final class ModelsRollbackCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
    String name;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The alias to move back (default: ${DEFAULT-VALUE}).")
    String alias = "champion";

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit log.")
    String reason;

    @Override
    int execute() {
        Integer before;
        Integer after;
        try (KilnStore opened = store.open()) {
            before = opened.aliases(name).get(alias);
            after = opened.rollback(name, alias, reason).map(ModelVersion::version).orElse(null);
        }
        AliasMoveOutput.print(this, name, alias, before, after);
        return 0;
    }
}
