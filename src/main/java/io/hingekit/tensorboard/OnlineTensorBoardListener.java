package io.hingekit.tensorboard;

import io.hingekit.online.OnlineListener;
import io.hingekit.online.ProgressiveValidation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs an online job to TensorBoard in its {@link OnlineListener.Start#logDir()}: the progressive figures every
 * {@code online.logEvery} examples, at the step of the examples seen over the whole stream, and at the end the
 * hyperparameters with the final figures. Like {@link TensorBoardListener}, each process writes a SessionLog START
 * at its start step, so after a restart TensorBoard drops what the killed process logged past its checkpoint.
 */
public final class OnlineTensorBoardListener implements OnlineListener {

    /** Prefix of the whole-stream figures: {@code online/accuracy}, {@code online/hinge_loss}, ... */
    public static final String STREAM = "online/";
    /** Prefix of the windowed figures: {@code online_window/accuracy}, ... */
    public static final String WINDOW = "online_window/";
    /** Examples learnt per second in this process. */
    public static final String SPEED = "online/examples_per_second";

    private final PrintStream out;
    private SummaryWriter writer;
    private Map<String, Object> hyperparameters;

    /**
     * Creates the listener; it opens its writer when the job starts.
     *
     * @param out where the {@code tensorboard --logdir} hint is printed
     */
    public OnlineTensorBoardListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStart(Start start) {
        Path logDir = start.logDir();
        out.printf("TensorBoard: tensorboard --logdir %s%n", logDir.toAbsolutePath().getParent());
        try {
            writer = SummaryWriter.open(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open TensorBoard log directory " + logDir, e);
        }
        writer.sessionStart(start.resumedExamples());
        hyperparameters = new LinkedHashMap<>();
        start.hyperparameters().forEach((name, value) -> hyperparameters.put(name,
                value instanceof Boolean || value instanceof Number ? value : String.valueOf(value)));
    }

    @Override
    public void onProgress(Progress progress) {
        ProgressiveValidation.Figures f = progress.figures();
        long at = f.examples();
        writer.scalar(STREAM + "accuracy", f.accuracy(), at);
        writer.scalar(STREAM + "hinge_loss", f.hingeLoss(), at);
        writer.scalar(STREAM + "violation_rate", f.violationRate(), at);
        writer.scalar(WINDOW + "accuracy", f.windowAccuracy(), at);
        writer.scalar(WINDOW + "hinge_loss", f.windowHingeLoss(), at);
        writer.scalar(WINDOW + "violation_rate", f.windowViolationRate(), at);
        writer.scalar(SPEED, progress.examplesPerSecond(), at);
    }

    @Override
    public void onEnd(Progress progress) {
        ProgressiveValidation.Figures f = progress.figures();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(STREAM + "accuracy", f.accuracy());
        metrics.put(STREAM + "hinge_loss", f.hingeLoss());
        metrics.put(STREAM + "violation_rate", f.violationRate());
        writer.hparams(hyperparameters, metrics);
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing TensorBoard event file " + writer.file() + " failed", e);
        }
    }
}
