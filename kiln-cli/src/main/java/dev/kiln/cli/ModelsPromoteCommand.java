package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln models promote NAME VERSION --alias A}: points an alias at a version, recorded in the audit log. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Point an alias (default: champion) at a version; kiln models rollback undoes it.")
final class ModelsPromoteCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version number.")
    int version;

    @Option(names = "--alias", paramLabel = "ALIAS",
            description = "The alias to move: champion, challenger or any name matching [a-z][a-z0-9_-]* (default: ${DEFAULT-VALUE}).")
    String alias = "champion";

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit log.")
    String reason;

    @Override
    int execute() {
        Optional<Integer> before;
        ModelVersion promoted;
        try (KilnStore opened = store.open()) {
            before = Optional.ofNullable(opened.aliases(name).get(alias));
            promoted = opened.promote(name, version, alias, reason);
        }
        AliasMoveOutput.print(this, name, alias, before.orElse(null), promoted.version());
        return 0;
    }
}
