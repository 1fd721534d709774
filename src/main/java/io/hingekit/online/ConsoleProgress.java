package io.hingekit.online;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints an online job's progress lines: whole-stream and windowed accuracy, hinge loss and violation rate, the
 * speed, and a line per checkpoint and at the end (on standard error from the CLI, so that standard output stays
 * free for a pipeline).
 */
public final class ConsoleProgress implements OnlineListener {

    private final PrintStream out;

    /**
     * Creates the listener.
     *
     * @param out where the lines go
     */
    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStart(Start start) {
        out.printf(Locale.ROOT, "learn-online %s: %s%s%n", start.name(), start.input(), start.resumedExamples() > 0
                ? ", resuming after " + start.resumedExamples() + " examples learnt" : "");
    }

    @Override
    public void onProgress(Progress p) {
        ProgressiveValidation.Figures f = p.figures();
        out.printf(Locale.ROOT, "examples %d  accuracy %.4f  hinge %.4f  violations %.4f  |  last %d: accuracy %.4f"
                        + "  hinge %.4f  violations %.4f  |  %.0f examples/s%n", f.examples(), f.accuracy(),
                f.hingeLoss(), f.violationRate(), f.windowExamples(), f.windowAccuracy(), f.windowHingeLoss(),
                f.windowViolationRate(), p.examplesPerSecond());
    }

    @Override
    public void onCheckpoint(Progress progress, Path checkpoint) {
        out.printf(Locale.ROOT, "checkpoint after %d examples: %s%n", progress.figures().examples(), checkpoint);
    }

    @Override
    public void onEnd(Progress p) {
        ProgressiveValidation.Figures f = p.figures();
        out.printf(Locale.ROOT, "done: %d examples learnt here (%d skipped as already learnt), %d in all; progressive "
                        + "accuracy %.4f, hinge %.4f, violation rate %.4f; %.0f examples/s%n", p.learnt(), p.skipped(),
                f.examples(), f.accuracy(), f.hingeLoss(), f.violationRate(), p.examplesPerSecond());
    }
}
