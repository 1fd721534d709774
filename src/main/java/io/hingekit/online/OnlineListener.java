package io.hingekit.online;

import java.nio.file.Path;
import java.util.Map;

/**
 * Receives what an online job reports: its start, its progressive figures every {@code online.logEvery} examples,
 * each checkpoint, and its end. Called from the learning thread, in registration order; this is how the console
 * line and TensorBoard (whose listener lives in {@code io.hingekit.tensorboard}) hear from the job without this
 * package knowing them.
 */
public interface OnlineListener extends AutoCloseable {

    /**
     * Called once before the first record of this process.
     *
     * @param start what the job starts from
     */
    default void onStart(Start start) {}

    /**
     * Called every {@code online.logEvery} examples learnt.
     *
     * @param progress the figures
     */
    default void onProgress(Progress progress) {}

    /**
     * Called after each checkpoint (the model files written with it).
     *
     * @param progress the figures at the checkpoint
     * @param checkpoint the checkpoint file
     */
    default void onCheckpoint(Progress progress, Path checkpoint) {}

    /**
     * Called once when the stream ended (or the job was stopped) and the last checkpoint was written.
     *
     * @param progress the final figures
     */
    default void onEnd(Progress progress) {}

    /** Releases what the listener holds; the default holds nothing. */
    @Override
    default void close() {}

    /**
     * Where a job starts.
     *
     * @param name the run's name
     * @param modelDir the model directory
     * @param logDir the TensorBoard directory of the run (the listener decides whether to use it)
     * @param resumedExamples examples learnt before this process (0 for a fresh job)
     * @param input the input as given
     * @param hyperparameters the flattened config, for an hparams record
     */
    record Start(String name, Path modelDir, Path logDir, long resumedExamples, String input,
            Map<String, Object> hyperparameters) {}

    /**
     * The progressive figures at a point of the stream.
     *
     * @param figures accuracy, hinge loss and violation rate, whole stream and window
     * @param learnt examples learnt in this process
     * @param skipped records skipped in this process because a checkpoint had learnt them
     * @param examplesPerSecond examples learnt per second in this process
     */
    record Progress(ProgressiveValidation.Figures figures, long learnt, long skipped, double examplesPerSecond) {}
}
