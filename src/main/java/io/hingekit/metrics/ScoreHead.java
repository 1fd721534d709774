package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * How a classifier's outputs are read as decisions and margins: which prediction holds the hinge scores, and how
 * they give the predicted class, the signed margin and the label-free gap. {@link Margins#head} reads one score per
 * sample (binary) or one per class; a one-vs-one head reads K(K-1)/2 pairwise scores
 * ({@code io.hingekit.loss.ClassPairs}). Every method works on the device, a batch at a time.
 */
public interface ScoreHead {

    /** Returns whether the head gives one score per sample (labels 0/1 or -1/+1). */
    boolean binary();

    /**
     * Returns the predicted classes.
     *
     * @param predictions the network's outputs
     * @return class indices, int64 (N)
     */
    NDArray predicted(NDList predictions);

    /**
     * Returns the signed margins; positive means the label's side.
     *
     * @param predictions the network's outputs
     * @param labels the labels (N)
     * @return (N)
     */
    NDArray signed(NDList predictions, NDArray labels);

    /**
     * Returns the label-free gaps, never negative.
     *
     * @param predictions the network's outputs
     * @return (N)
     */
    NDArray gap(NDList predictions);

    /**
     * Returns the scores a scored row shows: one per class (one in all for binary heads).
     *
     * @param predictions the network's outputs
     * @return (N, C), or (N) / (N, 1) for a binary head
     */
    NDArray classScores(NDList predictions);
}
