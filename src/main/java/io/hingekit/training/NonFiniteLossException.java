package io.hingekit.training;

/** Stops a run whose loss became NaN or infinite; names where, so the user can find the batch. */
public final class NonFiniteLossException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param epoch zero-based epoch
     * @param batch zero-based batch within the epoch
     * @param checkpoint what the last good checkpoint is (or that there is none)
     */
    public NonFiniteLossException(int epoch, long batch, String checkpoint) {
        super("loss became NaN or infinite at epoch " + (epoch + 1) + ", batch " + batch
                + "; training stopped, " + checkpoint + ". Lower the learning rate or check the data.");
    }
}
