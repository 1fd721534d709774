package io.hingekit.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;

/**
 * The {@code hingekit} command: dispatches to one sub-command per verb and maps outcomes to exit codes in one
 * place: 0 for success, {@value #EXIT_FAILURE} for a failure, {@value #EXIT_BAD_INPUT} for bad input (a usage
 * error, a missing or malformed file, an invalid config or option: a message naming the problem),
 * {@value #EXIT_REJECTED} for a model the gate rejects, {@value #EXIT_DRIFT} for drift found and
 * {@value #EXIT_DAMAGED} for event files with corrupt or truncated records. Every error is one line,
 * {@code hingekit <command>: error: <what is wrong>}; stack traces are printed only when {@code HINGEKIT_DEBUG}
 * is set.
 */
@Command(
        name = "hingekit",
        mixinStandardHelpOptions = true,
        version = "hingekit 0.1.0",
        description = "Margin-based (hinge) learning on the JVM with DJL.",
        subcommands = {HelpCommand.class, TrainCommand.class, ReportCommand.class, GateCommand.class,
            CalibrateCommand.class, ServeCommand.class, CanaryCommand.class, SloCommand.class,
            ScoreCommand.class, DriftCommand.class, InspectCommand.class, ExportCommand.class, SearchCommand.class,
            EvaluateRetrievalCommand.class, LearnOnlineCommand.class, SparkCommand.class})
public final class Main {

    /** Exit code for bad input: a missing file, an invalid config or option. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for any other failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of {@code train} and {@code gate} when the gate rejects the model (it is kept, marked rejected). */
    public static final int EXIT_REJECTED = 3;
    /** Exit code of {@code drift} when drift is found. */
    public static final int EXIT_DRIFT = 4;
    /** Exit code of {@code inspect} when an event file holds a corrupt or truncated record (the summary is printed). */
    public static final int EXIT_DAMAGED = 5;

    Main() {}

    /**
     * Runs the command line and returns its exit code; tests call this instead of {@link #main}.
     *
     * @param args the command-line arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return commandLine(new Main()).execute(args);
    }

    /**
     * Wraps a command (the root or one sub-command) with Hingekit's failure handling.
     *
     * @param command the picocli command object
     * @return the command line to execute
     */
    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd));
        commandLine.setParameterExceptionHandler((e, args) -> usageError(e));
        return commandLine;
    }

    /** A command line picocli cannot parse: its message in Hingekit's error format, and where to find the usage. */
    private static int usageError(ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage().replaceFirst("^Error: ", ""); // argument groups' messages add their own
        err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + message);
        err.println("usage: " + (cmd.getParent() == null ? cmd.getCommandName() + " --help"
                : cmd.getParent().getCommandName() + " help " + cmd.getCommandName()));
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static int report(Exception e, CommandLine cmd) {
        boolean badInput = e instanceof IllegalArgumentException || e instanceof NoSuchFileException;
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + message(e));
        if (System.getenv("HINGEKIT_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }

    /** Messages of Hingekit's own checks speak for themselves; anything else also names its type. */
    private static String message(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean own = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
        return own && !message.isBlank() ? message
                : e.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    /**
     * Entry point of the launcher.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
