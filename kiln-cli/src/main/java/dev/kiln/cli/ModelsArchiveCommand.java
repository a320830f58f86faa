package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln models archive NAME VERSION}: retires a version no alias points to. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Retire a version: it can no longer be promoted. Refused while an alias points to it.")
final class ModelsArchiveCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version number.")
    int version;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit log.")
    String reason;

    @Override
    int execute() {
        ModelVersion archived;
        try (KilnStore opened = store.open()) {
            archived = opened.archive(name, version, reason);
        }
        if (common.json) {
            out().println(RunCommand.JSON.createObjectNode().put("ref", archived.ref()).put("stage", archived.stage())
                    .toPrettyString());
        } else {
            out().printf("%s archived%n", archived.ref());
        }
        return 0;
    }
}
