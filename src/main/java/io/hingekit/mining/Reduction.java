package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/**
 * Turns per-triplet (or per-pair) losses into the batch loss. Stateless; an empty input gives a zero that stays
 * attached to the autograd graph of the losses.
 */
public interface Reduction {

    /**
     * Reduces the losses.
     *
     * @param losses non-negative losses, shape (T), T &gt;= 0
     * @return a scalar (0-d) array
     */
    NDArray reduce(NDArray losses);
}
