package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Base of the hinge's relatives that are functions of one signed margin per sample: the margin {@code m} is
 * {@code y * s} for binary scores (shape (N) or (N, 1), labels -1/+1 or 0/1 as {@link BinaryHingeLoss} reads them)
 * and {@code s_y - max_{j != y} s_j} for multi-class scores (N, C), the margin Crammer and Singer's hinge and the
 * margin reports use. A subclass gives the loss of a margin ({@link #ofMargin}) and may replace the multi-class
 * form ({@link #multiclass}), as the logistic loss does with the softmax cross-entropy.
 */
public abstract class MarginLoss extends AbstractHingeLoss {

    /**
     * Creates the loss from its builder's name and label validation switch.
     *
     * @param builder the builder
     */
    protected MarginLoss(BaseBuilder<?> builder) {
        super(builder);
    }

    /** {@inheritDoc} */
    @Override
    protected final NDArray classWeightedPerSample(NDList labels, NDList predictions) {
        NDArray scores = predictions.get(0);
        if (LossInputs.isBinary(scores)) {
            NDArray binary = LossInputs.binaryScores(scores);
            return ofMargin(LossInputs.signedLabels(labels.get(0), binary, validatesLabels()).mul(binary));
        }
        NDArray multi = LossInputs.multiclassScores(scores);
        return multiclass(multi, LossInputs.oneHotLabels(labels.get(0), multi, validatesLabels()));
    }

    /**
     * Returns the per-sample losses of multi-class scores: by default the loss of the Crammer-Singer margin
     * {@code s_y - max_{j != y} s_j}.
     *
     * @param scores the scores (N, C)
     * @param isTrue one-hot labels (N, C) in the scores' data type
     * @return the losses (N)
     */
    protected NDArray multiclass(NDArray scores, NDArray isTrue) {
        NDArray trueScore = scores.mul(isTrue).sum(new int[] {1}, true);
        return ofMargin(trueScore.sub(bestRival(scores, isTrue)).reshape(-1));
    }

    /**
     * Returns the loss of each signed margin.
     *
     * @param margins the signed margins (N); positive means the label's side
     * @return the losses (N)
     */
    protected abstract NDArray ofMargin(NDArray margins);
}
