package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.hingekit.util.Checks;

/**
 * The perceptron loss, a hinge with margin zero: of the signed margin {@code m} ({@link MarginLoss}),
 *
 * <pre>
 *   loss = w_sample * max(0, -m)
 * </pre>
 *
 * <p>Binary: {@code max(0, -y s)}; multi-class: {@code max(0, max_{j != y} s_j - s_y)}, the multi-class perceptron
 * (Crammer-Singer's hinge at margin 0). A correctly classified sample costs nothing however close it is to the
 * boundary, so nothing pushes the scores apart once the training set is separated.
 */
public final class PerceptronLoss extends MarginLoss {

    private PerceptronLoss(Builder builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray ofMargin(NDArray margins) {
        return Activation.relu(margins.neg());
    }

    /** Builds a {@link PerceptronLoss}; its margin is 0 by definition and cannot be set to anything else. */
    public static final class Builder extends BaseBuilder<Builder> {

        private Builder() {
            super("PerceptronLoss", 0f);
        }

        /**
         * Checks the settings and builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public PerceptronLoss build() {
            checkShared();
            Checks.check(getMargin() == 0f, "margin",
                    "0 (a perceptron has no margin; a margin makes it the hinge)", getMargin());
            return new PerceptronLoss(this);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }
    }
}
