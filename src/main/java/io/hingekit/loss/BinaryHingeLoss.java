package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.hingekit.util.Checks;

/**
 * Binary hinge loss of a score {@code s} for a label {@code y} in {-1, +1}:
 *
 * <pre>
 *   loss = w_class(y) * w_sample * max(0, margin - y * s)^p,   p = 2 if squared, else 1
 * </pre>
 *
 * <p>{@code w_class} is {@code positiveWeight} for y = +1 and {@code negativeWeight} for y = -1; {@code w_sample}
 * is the optional {@code labels.get(1)}. Labels may be given as {-1, +1} or as {0, 1}: a batch whose labels are
 * all 0 or 1 is read as 0 = -1, 1 = +1; any other value is rejected. Scores are {@code predictions.get(0)}, shape
 * (N) or (N, 1). With margin 1 and no weights, {@link #evaluate} equals scikit-learn's binary
 * {@code hinge_loss}.
 */
public final class BinaryHingeLoss extends AbstractHingeLoss {

    /** Default margin, the classic SVM margin. */
    public static final float DEFAULT_MARGIN = 1f;
    /** Default class weight, for both classes. */
    public static final float DEFAULT_CLASS_WEIGHT = 1f;

    private final float margin;
    private final int power;
    private final float positiveWeight;
    private final float negativeWeight;

    private BinaryHingeLoss(Builder builder) {
        super(builder);
        this.margin = builder.getMargin();
        this.power = builder.squared ? 2 : 1;
        this.positiveWeight = builder.positiveWeight;
        this.negativeWeight = builder.negativeWeight;
    }

    /**
     * Starts a builder with margin 1, no squaring and unit class weights.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray classWeightedPerSample(NDList labels, NDList predictions) {
        NDArray scores = LossInputs.binaryScores(predictions.get(0));
        NDArray signed = LossInputs.signedLabels(labels.get(0), scores, validatesLabels());
        NDArray loss = hinge(signed.mul(scores).neg().add(margin), power);
        if (positiveWeight == DEFAULT_CLASS_WEIGHT && negativeWeight == DEFAULT_CLASS_WEIGHT) {
            return loss;
        }
        DataType dataType = scores.getDataType();
        NDArray classWeight = signed.gt(0).toType(dataType, false).mul(positiveWeight)
                .add(signed.lt(0).toType(dataType, false).mul(negativeWeight));
        return loss.mul(classWeight);
    }

    /** Builds a {@link BinaryHingeLoss}; every setter is named after the property it sets. */
    public static final class Builder extends BaseBuilder<Builder> {

        private boolean squared;
        private float positiveWeight = DEFAULT_CLASS_WEIGHT;
        private float negativeWeight = DEFAULT_CLASS_WEIGHT;

        private Builder() {
            super("BinaryHingeLoss", DEFAULT_MARGIN);
        }

        /**
         * Sets whether the hinge is squared (the L2-SVM loss), default false.
         *
         * @param squared true to square {@code max(0, margin - y*s)}
         * @return this builder
         */
        public Builder squared(boolean squared) {
            this.squared = squared;
            return this;
        }

        /**
         * Sets the weight of samples labelled +1 (or 1), default 1.
         *
         * @param positiveWeight a finite value &gt;= 0
         * @return this builder
         */
        public Builder positiveWeight(float positiveWeight) {
            this.positiveWeight = positiveWeight;
            return this;
        }

        /**
         * Sets the weight of samples labelled -1 (or 0), default 1.
         *
         * @param negativeWeight a finite value &gt;= 0
         * @return this builder
         */
        public Builder negativeWeight(float negativeWeight) {
            this.negativeWeight = negativeWeight;
            return this;
        }

        /**
         * Checks the settings and builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public BinaryHingeLoss build() {
            checkShared();
            Checks.nonNegativeFinite("positiveWeight", positiveWeight);
            Checks.nonNegativeFinite("negativeWeight", negativeWeight);
            return new BinaryHingeLoss(this);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }
    }
}
