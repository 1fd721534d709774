package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Base of the hinge losses: a DJL {@link Loss} whose value is the mean over the batch of its per-sample losses,
 * each multiplied by the optional sample weight {@code labels.get(1)}. The mean divides by N, not by the sum of
 * the weights (PyTorch's convention); to get a weighted average instead, scale the weights to mean 1.
 */
public abstract class AbstractHingeLoss extends Loss implements PerSampleLoss {

    /** Label validation reads the labels back to the host; it is on unless the builder turns it off. */
    public static final boolean DEFAULT_VALIDATE_LABELS = true;

    private final boolean validateLabels;

    /**
     * Creates the loss from the settings its builder shares with every hinge loss.
     *
     * @param builder the builder holding the name and the label validation switch
     */
    protected AbstractHingeLoss(BaseBuilder<?> builder) {
        super(builder.getName());
        this.validateLabels = builder.validateLabels;
    }

    /** {@inheritDoc} The scalar mean of {@link #perSample}. */
    @Override
    public final NDArray evaluate(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            return scope.keep(perSample(labels, predictions).mean());
        }
    }

    /** {@inheritDoc} */
    @Override
    public final NDArray perSample(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            return scope.keep(LossInputs.weightBySample(
                    classWeightedPerSample(labels, predictions), labels, validateLabels));
        }
    }

    /**
     * Returns the per-sample losses, shape (N), with class weights applied but not sample weights.
     *
     * @param labels the labels; {@code labels.get(0)} holds the class labels
     * @param predictions the predictions; {@code predictions.get(0)} holds the scores
     * @return the per-sample losses in the scores' data type
     */
    protected abstract NDArray classWeightedPerSample(NDList labels, NDList predictions);

    /**
     * Tells whether label values (and sample weight signs) are checked, which costs a host sync per batch.
     *
     * @return true when labels are validated
     */
    public boolean validatesLabels() {
        return validateLabels;
    }

    /**
     * Returns a scalar as an array on {@code like}'s manager, device and data type, for products that autograd
     * differentiates. DJL turns a Java number operand into a tensor over a direct buffer that it frees right after
     * the operation while autograd still holds it for backward; a garbage collection in between made backward read
     * freed memory (runs that parted by chance). An array owned by the batch's manager lives until the batch closes.
     *
     * @param like the array the scalar multiplies or divides
     * @param value the scalar
     * @return a 0-d array
     */
    static NDArray scalar(NDArray like, float value) {
        return like.getManager().create(value).toType(like.getDataType(), false);
    }

    /** {@code max(0, z)^power} for power 1 or 2; zero gradient at the kink z = 0, as in PyTorch's hinge losses. */
    static NDArray hinge(NDArray z, int power) {
        NDArray clipped = Activation.relu(z);
        return power == 2 ? clipped.square() : clipped;
    }

    /**
     * Returns the best wrong-class score {@code max_{j != y} s_j}, shape (N, 1).
     *
     * @param scores class scores (N, C)
     * @param isTrue one-hot labels (N, C) in the scores' data type
     */
    static NDArray bestRival(NDArray scores, NDArray isTrue) {
        NDArray excluded = scores.getManager().full(scores.getShape(), Float.NEGATIVE_INFINITY, scores.getDataType());
        return NDArrays.where(isTrue.toType(DataType.BOOLEAN, false), excluded, scores).max(new int[] {1}, true);
    }

    /**
     * The builder base of the binary and multi-class hinge losses: {@link LossBuilder}'s name and margin plus label
     * validation.
     *
     * @param <T> the concrete builder, returned by each setter
     */
    public abstract static class BaseBuilder<T extends BaseBuilder<T>> extends LossBuilder<T> {

        private boolean validateLabels = DEFAULT_VALIDATE_LABELS;

        /**
         * Starts a builder with a loss's defaults.
         *
         * @param defaultName the loss's default name
         * @param defaultMargin the loss's default margin
         */
        protected BaseBuilder(String defaultName, float defaultMargin) {
            super(defaultName, defaultMargin);
        }

        /**
         * Sets whether each batch's label values and sample weights are checked (a host sync); turn it off in a
         * training loop that validated labels when loading them.
         *
         * @param validateLabels true to check labels on every call
         * @return this builder
         */
        public T validateLabels(boolean validateLabels) {
            this.validateLabels = validateLabels;
            return self();
        }
    }
}
