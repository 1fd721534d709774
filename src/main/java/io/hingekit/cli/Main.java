package io.hingekit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hingekit} command: dispatches to one sub-command per verb. */
@Command(
        name = "hingekit",
        mixinStandardHelpOptions = true,
        version = "hingekit 0.1.0",
        description = "Margin-based (hinge) learning on the JVM with DJL.",
        subcommands = {})
public final class Main {

    private Main() {}

    /**
     * Runs the command line and returns its exit code; tests call this instead of {@link #main}.
     *
     * @param args the command-line arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
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
