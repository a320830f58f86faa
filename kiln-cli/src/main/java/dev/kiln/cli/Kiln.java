package dev.kiln.cli;

import dev.kiln.bundle.BundleException;
import dev.kiln.bundle.KilnVersion;
import dev.kiln.data.InvalidDataException;
import dev.kiln.workflow.SpecException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kiln} command. Exit codes: 0 success, 1 failure, 2 usage or input error. Errors print
 * one message; stack traces only with {@code --debug}.
 */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = Kiln.Version.class,
        description = "From raw data to a deployed, monitored model.")
public final class Kiln implements Runnable {
    /** Exit code of a failure. */
    public static final int FAILURE = 1;
    /** Exit code of a usage or input error. */
    public static final int INPUT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: kiln run pipeline.yaml)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(RunCommand.class, ValidateCommand.class, CollectCommand.class,
            DataCommand.class, ExploreCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
            ServeCommand.class, DriftCommand.class, ModelsCommand.class, RunsCommand.class, AuditCommand.class,
            GcCommand.class, RetrainCommand.class, MonitorCommand.class, CommandLine.HelpCommand.class);

    /**
     * The command line for {@code args}: with only the subcommand that {@code args} start with, when they start
     * with one (help aside), else with all. Building a subcommand's model loads and reflects on its classes, which
     * for all of them took most of a second of every run.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Kiln());
        String first = args.length > 0 ? args[0] : "";
        Class<?> only = first.equals("help") ? null
                : COMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(first)).findFirst().orElse(null);
        for (Class<?> command : COMMANDS) {
            if (only == null || command == only) {
                cli.addSubcommand(command);
            }
        }
        return cli;
    }

    /** Runs the command line {@code args} and returns its exit code; used by main and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Object command = commandLine.getCommand();
            boolean debug = command instanceof KilnCommand k && k.debug();
            int code = isInputError(e) ? INPUT_ERROR : FAILURE;
            err.println("kiln: error: " + message(e));
            if (debug) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
            err.flush();
            return code;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static boolean isInputError(Throwable e) {
        return e instanceof InvalidDataException || e instanceof SpecException || e instanceof BundleException
                || e instanceof IllegalArgumentException || e instanceof java.nio.file.NoSuchFileException;
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Reports the Kiln version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kiln " + KilnVersion.get() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
