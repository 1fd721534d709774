package io.hingekit.training;

/** Stops a run whose loss became NaN or infinite; names where, so the user can find the batch. */
public final class NonFiniteLossException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long batch;

    /**
     * Creates the exception.
     *
     * @param epoch zero-based epoch
     * @param batch zero-based batch within the epoch
     * @param checkpoint what the last good checkpoint is (or that there is none, or what is left as it was)
     */
    public NonFiniteLossException(int epoch, long batch, String checkpoint) {
        super("loss became NaN or infinite at epoch " + (epoch + 1) + ", batch " + batch
                + "; training stopped, " + checkpoint + ". Lower the learning rate or check the data.");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** Returns the zero-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** Returns the zero-based batch within the epoch. */
    public long batch() {
        return batch;
    }
}
