package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln models}: the model registry; with no subcommand, the same as {@code kiln models list}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "The model registry: list (the default), show, promote, rollback, archive, history.",
        subcommands = {ModelsListCommand.class, ModelsShowCommand.class, ModelsPromoteCommand.class,
                ModelsRollbackCommand.class, ModelsArchiveCommand.class, ModelsHistoryCommand.class})
final class ModelsCommand extends ModelListing {
}
