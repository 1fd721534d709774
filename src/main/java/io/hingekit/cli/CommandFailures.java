package io.hingekit.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Turns a failed command into one clear line on standard error and a non-zero exit code, without stack trace. */
final class CommandFailures {

    /** Exit code of a command that failed after its options parsed. */
    static final int EXIT_FAILURE = 1;

    private CommandFailures() {}

    /**
     * Prints the failure and returns the exit code.
     *
     * @param spec the failed command
     * @param failure what went wrong
     * @return {@link #EXIT_FAILURE}
     */
    static int report(CommandSpec spec, Exception failure) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + describe(failure));
        err.flush();
        return EXIT_FAILURE;
    }

    private static String describe(Exception failure) {
        boolean ownMessage = failure instanceof IllegalArgumentException || failure instanceof IllegalStateException;
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return ownMessage ? message : failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
