package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;

/**
 * The smoothed (Huberised) hinge of Rennie and Srebro (2005), of the signed margin {@code m} ({@link MarginLoss})
 * and the margin {@code a} (default 1, their loss): with {@code z = a - m},
 *
 * <pre>
 *   loss = w_sample * ( 0            if z &lt;= 0
 *                       z^2 / 2      if 0 &lt; z &lt; 1
 *                       z - 1/2      if z &gt;= 1 )
 * </pre>
 *
 * <p>The hinge with its kink replaced by a parabola of width 1: zero at and beyond the margin, linear (slope -1,
 * the hinge's) once the margin is violated by 1 or more, differentiable everywhere. Not scikit-learn's
 * {@code modified_huber} (which is quadratic over [-1, 1] and reaches {@code -4 m} below).
 */
public final class SmoothedHingeLoss extends MarginLoss {

    /** Default margin, Rennie and Srebro's. */
    public static final float DEFAULT_MARGIN = 1f;

    private final float margin;

    private SmoothedHingeLoss(Builder builder) {
        super(builder);
        this.margin = builder.getMargin();
    }

    /**
     * Starts a builder with margin 1.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} The 1/2 multiplies through an array of the batch's manager ({@link #scalar}). */
    @Override
    protected NDArray ofMargin(NDArray margins) {
        NDArray z = Activation.relu(margins.neg().add(margin));
        NDArray linear = z.gte(1);
        return NDArrays.where(linear, z.sub(0.5f), z.square().mul(scalar(z, 0.5f)));
    }

    /** Builds a {@link SmoothedHingeLoss}; every setter is named after the property it sets. */
    public static final class Builder extends BaseBuilder<Builder> {

        private Builder() {
            super("SmoothedHingeLoss", DEFAULT_MARGIN);
        }

        /**
         * Checks the settings and builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public SmoothedHingeLoss build() {
            checkShared();
            return new SmoothedHingeLoss(this);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }
    }
}
