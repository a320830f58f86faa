package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln data list|show|diff}: the stored dataset snapshots. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "List, show and compare stored dataset snapshots.",
        subcommands = {DataListCommand.class, DataShowCommand.class, DataDiffCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show or diff");
    }
}
