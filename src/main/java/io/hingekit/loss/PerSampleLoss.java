package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** A loss that reports one value per sample (or per mined triplet): the input for histograms and violation counts. */
public interface PerSampleLoss {

    /**
     * Returns the per-sample losses, shape (N), with sample and class weights applied, so that the loss's
     * {@code evaluate} is their mean (or the reduction the loss documents).
     *
     * @param labels the labels, as passed to {@code evaluate}
     * @param predictions the predictions, as passed to {@code evaluate}
     * @return the per-sample losses on the predictions' device
     */
    NDArray perSample(NDList labels, NDList predictions);
}
