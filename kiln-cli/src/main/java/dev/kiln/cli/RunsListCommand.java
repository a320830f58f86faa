package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln runs list}: see {@link RunListing}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, newest first.")
final class RunsListCommand extends RunListing {
}
