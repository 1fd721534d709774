package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.hingekit.util.Checks;

/**
 * Multi-class hinge loss of scores {@code s} (N, C) for class labels {@code y} in [0, C), in three variants:
 *
 * <pre>
 *   WESTON_WATKINS:  sum over j != y of max(0, margin - s_y + s_j)^p
 *   CRAMMER_SINGER:  max(0, margin + max_{j != y} s_j - s_y)^p
 *   ONE_VS_REST:     sum over j of max(0, margin - t_j * s_j)^p,   t_j = +1 if j == y, else -1
 *
 *   loss = w_class[y] * w_sample * variant(s, y) / (divideByClasses ? C : 1)
 * </pre>
 *
 * <p>{@code p} is the power (1 or 2), {@code w_class[y]} the class weight of the sample's TRUE class (applied after
 * the power), {@code w_sample} the optional {@code labels.get(1)}; {@link #evaluate} divides the sum by N.
 *
 * <p>Normalisation defaults follow the reference each variant is usually compared with:
 *
 * <ul>
 *   <li>Weston-Watkins divides by C: with p, margin and class weights set alike it equals
 *       {@code torch.nn.MultiMarginLoss(p, margin, weight)}; {@code divideByClasses(false)} gives the plain sum.
 *   <li>Crammer-Singer does not divide: with margin 1 and p = 1 it equals scikit-learn's multi-class
 *       {@code hinge_loss}.
 *   <li>One-vs-rest does not divide: it is the sum of the C binary hinge losses, as C one-vs-rest SVMs train.
 * </ul>
 */
public final class MulticlassHingeLoss extends AbstractHingeLoss {

    /** Default margin. */
    public static final float DEFAULT_MARGIN = 1f;
    /** Default power: the plain (unsquared) hinge. */
    public static final int DEFAULT_POWER = 1;
    /** Default variant, the one {@code torch.nn.MultiMarginLoss} computes. */
    public static final Variant DEFAULT_VARIANT = Variant.WESTON_WATKINS;

    /** How the per-class margin violations of one sample combine into its loss. */
    public enum Variant {
        /** Sum of the hinges of every wrong class against the true class (Weston and Watkins, 1999). */
        WESTON_WATKINS(true) {
            @Override
            NDArray unnormalised(NDArray scores, NDArray isTrue, float margin, int power) {
                NDArray violations = scores.sub(trueScore(scores, isTrue)).add(margin);
                return hinge(violations, power).mul(isTrue.neg().add(1)).sum(CLASS_AXIS);
            }
        },
        /** Hinge of the best wrong class only (Crammer and Singer, 2001). */
        CRAMMER_SINGER(false) {
            @Override
            NDArray unnormalised(NDArray scores, NDArray isTrue, float margin, int power) {
                return hinge(bestRival(scores, isTrue).sub(trueScore(scores, isTrue)).add(margin), power).reshape(-1);
            }
        },
        /** Sum over classes of a binary hinge with target +1 for the true class and -1 for the others. */
        ONE_VS_REST(false) {
            @Override
            NDArray unnormalised(NDArray scores, NDArray isTrue, float margin, int power) {
                NDArray targets = isTrue.mul(2).sub(1);
                return hinge(targets.mul(scores).neg().add(margin), power).sum(CLASS_AXIS);
            }
        };

        private static final int[] CLASS_AXIS = {1};

        private final boolean dividesByClassesByDefault;

        Variant(boolean dividesByClassesByDefault) {
            this.dividesByClassesByDefault = dividesByClassesByDefault;
        }

        /**
         * Tells whether this variant's loss is divided by the number of classes unless the builder says otherwise.
         *
         * @return true for Weston-Watkins (PyTorch's convention), false for the others
         */
        public boolean dividesByClassesByDefault() {
            return dividesByClassesByDefault;
        }

        /** Per-sample loss (N) before class weights and normalisation; {@code isTrue} is the one-hot labels. */
        abstract NDArray unnormalised(NDArray scores, NDArray isTrue, float margin, int power);

        private static NDArray trueScore(NDArray scores, NDArray isTrue) {
            return scores.mul(isTrue).sum(CLASS_AXIS, true);
        }
    }

    private final Variant variant;
    private final float margin;
    private final int power;
    private final float[] classWeights;
    private final boolean divideByClasses;

    private MulticlassHingeLoss(Builder builder) {
        super(builder);
        this.variant = builder.variant;
        this.margin = builder.getMargin();
        this.power = builder.power;
        this.classWeights = builder.classWeights;
        this.divideByClasses =
                builder.divideByClasses != null ? builder.divideByClasses : variant.dividesByClassesByDefault();
    }

    /**
     * Starts a builder for the default, {@code torch.nn.MultiMarginLoss}'s: Weston-Watkins, p = 1, margin 1,
     * divided by C, no class weights.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the variant.
     *
     * @return how wrong-class violations combine
     */
    public Variant getVariant() {
        return variant;
    }

    /**
     * Tells whether each sample's loss is divided by the number of classes.
     *
     * @return the resolved normalisation, the variant's default unless the builder set it
     */
    public boolean dividesByClasses() {
        return divideByClasses;
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray classWeightedPerSample(NDList labels, NDList predictions) {
        NDArray scores = LossInputs.multiclassScores(predictions.get(0));
        int numClasses = Math.toIntExact(scores.getShape().get(1));
        NDArray isTrue = LossInputs.oneHotLabels(labels.get(0), scores, validatesLabels());
        NDArray loss = variant.unnormalised(scores, isTrue, margin, power);
        if (divideByClasses) {
            loss = loss.div(scalar(loss, numClasses));
        }
        return classWeights == null ? loss : loss.mul(trueClassWeight(isTrue));
    }

    private NDArray trueClassWeight(NDArray isTrue) {
        long numClasses = isTrue.getShape().get(1);
        if (classWeights.length != numClasses) {
            throw new IllegalArgumentException("classWeights has " + classWeights.length
                    + " entries but the scores have " + numClasses + " classes");
        }
        NDArray weights = isTrue.getManager().create(classWeights).toType(isTrue.getDataType(), false);
        return isTrue.mul(weights).sum(Variant.CLASS_AXIS);
    }

    /** Builds a {@link MulticlassHingeLoss}; every setter is named after the property it sets. */
    public static final class Builder extends BaseBuilder<Builder> {

        private Variant variant = DEFAULT_VARIANT;
        private int power = DEFAULT_POWER;
        private float[] classWeights;
        private Boolean divideByClasses;

        private Builder() {
            super("MulticlassHingeLoss", DEFAULT_MARGIN);
        }

        /**
         * Sets how wrong-class violations combine, default {@link Variant#WESTON_WATKINS}.
         *
         * @param variant the variant
         * @return this builder
         */
        public Builder variant(Variant variant) {
            this.variant = variant;
            return this;
        }

        /**
         * Sets the power each hinge is raised to, default 1.
         *
         * @param power 1 or 2
         * @return this builder
         */
        public Builder power(int power) {
            this.power = power;
            return this;
        }

        /**
         * Sets the power to 2 (squared hinge) or 1.
         *
         * @param squared true for power 2
         * @return this builder
         */
        public Builder squared(boolean squared) {
            this.power = squared ? 2 : 1;
            return this;
        }

        /**
         * Sets one weight per class; a sample's loss is multiplied by the weight of its true class, as
         * {@code torch.nn.MultiMarginLoss(weight=...)} does. Default: no class weights.
         *
         * @param classWeights C finite values &gt;= 0, or null for none
         * @return this builder
         */
        public Builder classWeights(float[] classWeights) {
            this.classWeights = classWeights == null ? null : classWeights.clone();
            return this;
        }

        /**
         * Sets whether each sample's loss is divided by the number of classes C. Default: the variant's
         * ({@link Variant#dividesByClassesByDefault()}): true for Weston-Watkins (PyTorch), false otherwise.
         *
         * @param divideByClasses true to divide by C
         * @return this builder
         */
        public Builder divideByClasses(boolean divideByClasses) {
            this.divideByClasses = divideByClasses;
            return this;
        }

        /**
         * Checks the settings and builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public MulticlassHingeLoss build() {
            checkShared();
            Checks.present("variant", variant);
            Checks.check(power == 1 || power == 2, "power", "1 or 2", power);
            if (classWeights != null) {
                for (int c = 0; c < classWeights.length; c++) {
                    Checks.nonNegativeFinite("classWeights[" + c + "]", classWeights[c]);
                }
            }
            return new MulticlassHingeLoss(this);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }
    }
}
