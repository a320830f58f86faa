package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln monitor report}: monitoring results of served models, offline, from the store's prediction log. */
@Command(name = "monitor", mixinStandardHelpOptions = true, description = "Monitoring reports from the prediction log in the store.",
        subcommands = {MonitorReportCommand.class})
final class MonitorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: report");
    }
}
