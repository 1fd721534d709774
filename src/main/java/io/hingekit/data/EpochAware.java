package io.hingekit.data;

/** A sampler whose order depends on the epoch, told the epoch before each pass so resumed runs repeat it. */
public interface EpochAware {

    /**
     * Sets the zero-based epoch of the next pass.
     *
     * @param epoch the epoch
     */
    void setEpoch(int epoch);
}
