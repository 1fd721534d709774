package io.hingekit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hingekit} command: dispatches to one sub-command per verb and maps failures to exit codes in one
 * place: {@value #EXIT_BAD_INPUT} for bad input (a message naming the problem), {@value #EXIT_FAILURE} for any
 * other failure. Stack traces are printed only when {@code HINGEKIT_DEBUG} is set.
 */
@Command(
        name = "hingekit",
        mixinStandardHelpOptions = true,
        version = "hingekit 0.1.0",
        description = "Margin-based (hinge) learning on the JVM with DJL.",
        subcommands = {TrainCommand.class, InspectCommand.class, ExportCommand.class, SearchCommand.class,
            EvaluateRetrievalCommand.class})
public final class Main {

    /** Exit code for bad input: a missing file, an invalid config or option. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for any other failure. */
    public static final int EXIT_FAILURE = 1;

    private Main() {}

    /**
     * Runs the command line and returns its exit code; tests call this instead of {@link #main}.
     *
     * @param args the command-line arguments
     * @return the exit code
     */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
        return commandLine.execute(args);
    }

    private static int report(Exception e, PrintWriter err) {
        boolean badInput = e instanceof IllegalArgumentException || e instanceof java.nio.file.NoSuchFileException;
        err.println("hingekit: error: " + message(e));
        if (System.getenv("HINGEKIT_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
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
