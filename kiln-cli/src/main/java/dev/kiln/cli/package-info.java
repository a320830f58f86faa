/** The {@code kiln} command: one picocli subcommand per verb, wired by hand in {@link dev.kiln.cli.Kiln}. */
package dev.kiln.cli;
