package io.hingekit.spark;

import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's failures turned back into Hingekit's: a task's own check ({@link IllegalArgumentException}, for example a
 * NaN feature) reaches the driver as a cause of the job's exception, or only in its message ("Lost task ...:
 * java.lang.IllegalArgumentException: row id=7: ..."); this finds it, so that the job fails with the task's message
 * and the bad-input exit code.
 */
final class Failures {

    private static final Pattern TASK_CHECK = Pattern.compile("java\\.lang\\.IllegalArgumentException: ([^\\n]*)");

    private Failures() {}

    /**
     * Returns the failure to throw for an exception of a Spark call.
     *
     * @param what what was being done, for failures that are not Hingekit's own checks
     * @param e the exception
     * @return the Hingekit check found among the causes or in a task's message, or {@code e} with {@code what}
     *     prefixed
     */
    static RuntimeException named(String what, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException check) {
                return check;
            }
            if (t instanceof UncheckedIOException io) {
                return new IllegalArgumentException(io.getMessage(), io);
            }
            Matcher task = TASK_CHECK.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (task.find()) {
                return new IllegalArgumentException(task.group(1), e);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().findFirst().orElse(message);
        return e.getClass().getSimpleName().equals("AnalysisException")
                ? new IllegalArgumentException(what + ": " + first, e)
                : new IllegalStateException(what + ": " + first, e);
    }
}
