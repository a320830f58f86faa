package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln models list}: see {@link ModelListing}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List registered model versions and their aliases.")
final class ModelsListCommand extends ModelListing {
}
