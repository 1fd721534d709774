package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.hingekit.util.Checks;

/**
 * One-vs-one multi-class hinge loss of K(K-1)/2 pairwise scores {@code s} (N, P) for class labels {@code y} in
 * [0, K), pairs numbered as {@link ClassPairs} numbers them (pair p = (i, j), i &lt; j, positive means i):
 *
 * <pre>
 *   loss = w_sample * 1/(K-1) * sum over the K-1 pairs p that contain y of max(0, margin - t_p * s_p)^power,
 *          t_p = +1 if y is the pair's first class i, -1 if it is the second j
 * </pre>
 *
 * <p>Only the duels of the true class count, as when K(K-1)/2 binary SVMs are each trained on their two classes'
 * samples; they are averaged over the K-1 pairs, then {@link #evaluate} averages over the batch. The pairs of the
 * true classes are selected by one (N, K) x (K, P) product with the pair sign matrix built once: no per-sample loop.
 */
public final class OneVsOneHingeLoss extends AbstractHingeLoss {

    /** Default margin. */
    public static final float DEFAULT_MARGIN = 1f;

    private final ClassPairs pairs;
    private final float margin;
    private final int power;

    private OneVsOneHingeLoss(Builder builder) {
        super(builder);
        this.pairs = new ClassPairs(builder.numClasses);
        this.margin = builder.getMargin();
        this.power = builder.power;
    }

    /**
     * Starts a builder (margin 1, power 1; the number of classes must be set).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the class pairs whose scores this loss reads. */
    public ClassPairs pairs() {
        return pairs;
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray classWeightedPerSample(NDList labels, NDList predictions) {
        NDArray scores = predictions.get(0);
        NDArray oneHot = LossInputs.oneHotLabels(labels.get(0), scores.getShape().get(0), pairs.numClasses(),
                scores.getDataType(), validatesLabels());
        NDArray targets = pairs.rows(oneHot);
        NDArray duels = hinge(targets.mul(pairs.requireShape(scores)).neg().add(margin), power).mul(targets.abs());
        return duels.sum(new int[] {1}).div(scalar(scores, pairs.numClasses() - 1));
    }

    /** Builds a {@link OneVsOneHingeLoss}; every setter is named after the property it sets. */
    public static final class Builder extends BaseBuilder<Builder> {

        private int numClasses;
        private int power = 1;

        private Builder() {
            super("OneVsOneHingeLoss", DEFAULT_MARGIN);
        }

        /**
         * Sets the number of classes K (required); the scores have K(K-1)/2 columns.
         *
         * @param numClasses K &gt;= 2
         * @return this builder
         */
        public Builder numClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Sets the power each pairwise hinge is raised to, default 1.
         *
         * @param power 1 or 2
         * @return this builder
         */
        public Builder power(int power) {
            this.power = power;
            return this;
        }

        /**
         * Checks the settings and builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public OneVsOneHingeLoss build() {
            checkShared();
            Checks.check(numClasses >= 2, "numClasses", ">= 2", numClasses);
            Checks.check(power == 1 || power == 2, "power", "1 or 2", power);
            return new OneVsOneHingeLoss(this);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }
    }
}
