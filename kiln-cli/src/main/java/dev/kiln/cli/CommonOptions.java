package dev.kiln.cli;

import picocli.CommandLine.Option;

/** Options every command takes: machine-readable output and stack traces for bug reports. */
public final class CommonOptions {
    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;
}
