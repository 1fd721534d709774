package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Accumulates what one split's batches show (during training, or in an evaluation pass) and summarises it once at
 * the end, reading the device a single time.
 */
public interface SplitEvaluator extends AutoCloseable {

    /**
     * Adds one batch.
     *
     * @param labels the batch's labels (N)
     * @param predictions the model's outputs for the batch
     * @param loss the batch's loss as the optimizer saw it, or null in an evaluation pass
     */
    void add(NDArray labels, NDList predictions, NDArray loss);

    /**
     * Adds one training batch whose per-sample losses the step already computed, so they are not computed again.
     *
     * @param labels the batch's labels (N)
     * @param predictions the model's outputs for the batch
     * @param loss the batch's loss as the optimizer saw it
     * @param perSample the batch's per-sample values of the evaluator's own per-sample loss (detached), or null
     */
    default void add(NDArray labels, NDList predictions, NDArray loss, NDArray perSample) {
        add(labels, predictions, loss);
    }

    /**
     * Summarises every batch added so far.
     *
     * @return the split's result
     */
    SplitResult finish();

    @Override
    void close();
}
