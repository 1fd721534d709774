package io.hingekit.training;

/**
 * Receives what a training run reports, at its start, at logged steps, after each epoch and at its end.
 *
 * <p>DJL's {@code TrainingListener} carries the trainer and raw batches; a run's epoch-level margin health
 * (arrays of margins and per-class losses) does not fit it, so Hingekit's loop reports through this interface.
 * Listeners are called from the training thread, in registration order.
 */
public interface RunListener extends AutoCloseable {

    /** Called once before the first step of this process (after a resume, at the resumed position). */
    default void onRunStart(RunContext context) {}

    /** Called at each logged step (every {@code logging.stepInterval} steps). */
    default void onStep(StepReport step) {}

    /** Called after each epoch's evaluation. */
    default void onEpochEnd(EpochReport epoch) {}

    /** Called once when the run ends normally. */
    default void onRunEnd(RunReport report) {}

    /** Releases files or threads the listener holds; the default holds none. */
    @Override
    default void close() {}
}
