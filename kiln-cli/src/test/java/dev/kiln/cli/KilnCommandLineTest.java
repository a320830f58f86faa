package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The command line built for one subcommand behaves as the whole tree does for it; help still lists them all. */
class KilnCommandLineTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kiln.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> names() {
        return Kiln.COMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList();
    }

    @Test
    void helpListsEveryCommand() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        for (String name : names()) {
            assertThat(help.out()).contains("  " + name + " ");
        }
    }

    @Test
    void aSubcommandAloneGivesTheHelpTheWholeTreeGives() {
        for (String name : names()) {
            if (name.equals("help")) {
                continue;
            }
            Run alone = run(name, "--help");
            Run whole = run("help", name);
            assertThat(alone.code()).as(name).isZero();
            assertThat(alone.out()).as(name).isEqualTo(whole.out()).startsWith("Usage: kiln " + name);
            assertThat(Kiln.commandLine(new String[] {name, "--help"}).getSubcommands()).as(name).containsOnlyKeys(name);
        }
        assertThat(Kiln.commandLine(new String[] {"help", "predict"}).getSubcommands()).containsOnlyKeys(names());
    }

    @Test
    void aMistypedCommandIsAnInputErrorWithASuggestion() {
        Run typo = run("predcit", "model");
        assertThat(typo.code()).isEqualTo(Kiln.INPUT_ERROR);
        assertThat(typo.err()).contains("predcit").contains("predict");
    }
}
