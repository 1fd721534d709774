package io.hingekit.training;

import java.nio.file.Path;

/**
 * Receives what a training run reports, at its start, at logged steps, after each epoch and at its end.
 *
 * <p>DJL's {@code TrainingListener} carries the trainer and raw batches; a run's epoch-level margin health
 * (arrays of margins and per-class losses) does not fit it, so Hingekit's loop reports through this interface.
 * Listeners are called from the training thread, in registration order.
 */
public interface RunListener extends AutoCloseable {

    /**
     * Called once, before {@link #onRunStart}, when the run continues from a checkpoint.
     *
     * @param checkpoint the checkpoint directory
     * @param epoch the last epoch the checkpoint finished (zero-based)
     * @param step the global step the checkpoint reached
     */
    default void onResume(Path checkpoint, int epoch, long step) {}

    /** Called once before the first step of this process (after a resume, at the resumed position). */
    default void onRunStart(RunContext context) {}

    /** Called at each logged step (every {@code logging.stepInterval} steps). */
    default void onStep(StepReport step) {}

    /** Called after each epoch's evaluation. */
    default void onEpochEnd(EpochReport epoch) {}

    /**
     * Called once, after the last {@link #onEpochEnd}, when early stopping ends the run before its last epoch.
     *
     * @param criterion the validation figure that stopped improving
     * @param patience the epochs without improvement that stop a run
     * @param bestEpoch the epoch with the best value (zero-based)
     */
    default void onEarlyStop(String criterion, int patience, int bestEpoch) {}

    /** Called once when the run ends normally. */
    default void onRunEnd(RunReport report) {}

    /** Releases files or threads the listener holds; the default holds none. */
    @Override
    default void close() {}
}
