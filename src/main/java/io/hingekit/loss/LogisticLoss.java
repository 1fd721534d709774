package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.hingekit.util.Checks;

/**
 * The logistic loss, the smooth relative of the hinge that never reaches zero:
 *
 * <pre>
 *   binary:       loss = w_sample * log(1 + exp(-y s))
 *   multi-class:  loss = w_sample * (log sum_j exp(s_j) - s_y)      (softmax cross-entropy)
 * </pre>
 *
 * <p>The binary form equals {@code torch.nn.functional.soft_margin_loss}, the multi-class form
 * {@code torch.nn.functional.cross_entropy}; both are computed stably ({@code max(0, -m) + log(1 + exp(-|m|))} and a
 * log-softmax). It has no margin: every sample keeps a (shrinking) gradient.
 */
public final class LogisticLoss extends MarginLoss {

    private LogisticLoss(Builder builder) {
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

    /** {@inheritDoc} {@code log(1 + exp(-m))}. */
    @Override
    protected NDArray ofMargin(NDArray margins) {
        return Activation.relu(margins.neg()).add(margins.abs().neg().exp().add(1).log());
    }

    /** {@inheritDoc} The softmax cross-entropy, not a function of the Crammer-Singer margin alone. */
    @Override
    protected NDArray multiclass(NDArray scores, NDArray isTrue) {
        return scores.logSoftmax(1).mul(isTrue).sum(new int[] {1}).neg();
    }

    /** Builds a {@link LogisticLoss}; it has no margin (the builder's stays 0). */
    public static final class Builder extends BaseBuilder<Builder> {

        private Builder() {
            super("LogisticLoss", 0f);
        }

        /**
         * Checks the settings and builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public LogisticLoss build() {
            checkShared();
            Checks.check(getMargin() == 0f, "margin", "0 (the logistic loss has no margin)", getMargin());
            return new LogisticLoss(this);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }
    }
}
