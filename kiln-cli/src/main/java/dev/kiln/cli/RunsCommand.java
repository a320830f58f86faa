package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln runs}: the tracked runs; with no subcommand, the same as {@code kiln runs list}. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Tracked runs: list (the default), show, compare.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class})
final class RunsCommand extends RunListing {
}
