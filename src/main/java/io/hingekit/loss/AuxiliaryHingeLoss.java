package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.hingekit.util.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A primary loss plus a weighted hinge loss, for training with cross-entropy while watching (and pushing) the
 * margins:
 *
 * <pre>
 *   loss = primary(labels[0], predictions[0]) + lambda * hinge(labels, predictions[hingePredictionIndex])
 * </pre>
 *
 * <p>The hinge reads the same logits as the primary (index 0, the default) or an auxiliary head's scores. The primary
 * sees only the class labels; the sample weights {@code labels.get(1)}, if any, weight the hinge part only.
 * {@link #perSample} is the hinge's per-sample loss, the input of margin-health reports, and {@link #diagnostics}
 * reports both parts unweighted, as {@value #PRIMARY_PART} and {@value #HINGE_PART}.
 */
public final class AuxiliaryHingeLoss extends Loss implements PerSampleLoss, LossDiagnostics {

    /** Name of the primary part in {@link #diagnostics}. */
    public static final String PRIMARY_PART = "primary";
    /** Name of the hinge part in {@link #diagnostics}. */
    public static final String HINGE_PART = "hinge";
    /** Default weight of the hinge part. */
    public static final float DEFAULT_LAMBDA = 1f;
    /** Default prediction index the hinge reads: the primary's logits. */
    public static final int DEFAULT_HINGE_PREDICTION_INDEX = 0;

    private final Loss primary;
    private final AbstractHingeLoss hinge;
    private final float lambda;
    private final int hingePredictionIndex;

    private AuxiliaryHingeLoss(Builder builder) {
        super(builder.name);
        this.primary = builder.primary;
        this.hinge = builder.hinge;
        this.lambda = builder.lambda;
        this.hingePredictionIndex = builder.hingePredictionIndex;
    }

    /**
     * Starts a builder for softmax cross-entropy plus the default {@link MulticlassHingeLoss}, lambda 1, both on
     * prediction 0.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            return scope.keep(primaryValue(labels, predictions).add(hingeValue(labels, predictions).mul(
                    AbstractHingeLoss.scalar(predictions.head(), lambda))));
        }
    }

    /** {@inheritDoc} The hinge part's per-sample losses. */
    @Override
    public NDArray perSample(NDList labels, NDList predictions) {
        return hinge.perSample(labels, hingeInput(predictions));
    }

    /** {@inheritDoc} Parts {@value #PRIMARY_PART} and {@value #HINGE_PART}, before lambda. */
    @Override
    public Map<String, NDArray> diagnostics(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            Map<String, NDArray> named = new LinkedHashMap<>();
            named.put(PRIMARY_PART, scope.keep(primaryValue(labels, predictions)));
            named.put(HINGE_PART, scope.keep(hingeValue(labels, predictions)));
            return named;
        }
    }

    private NDArray primaryValue(NDList labels, NDList predictions) {
        return primary.evaluate(new NDList(labels.get(0)), new NDList(predictions.get(0)));
    }

    private NDArray hingeValue(NDList labels, NDList predictions) {
        return hinge.evaluate(labels, hingeInput(predictions));
    }

    private NDList hingeInput(NDList predictions) {
        if (hingePredictionIndex >= predictions.size()) {
            throw new IllegalArgumentException("hingePredictionIndex " + hingePredictionIndex
                    + " is out of range: the model gave " + predictions.size() + " prediction(s)");
        }
        return new NDList(predictions.get(hingePredictionIndex));
    }

    /** Builds an {@link AuxiliaryHingeLoss}; every setter is named after the property it sets. */
    public static final class Builder {

        private String name = "AuxiliaryHingeLoss";
        private Loss primary = new SoftmaxCrossEntropyLoss();
        private AbstractHingeLoss hinge = MulticlassHingeLoss.builder().build();
        private float lambda = DEFAULT_LAMBDA;
        private int hingePredictionIndex = DEFAULT_HINGE_PREDICTION_INDEX;

        private Builder() {}

        /**
         * Sets the name under which DJL records the loss.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the primary loss, which reads {@code labels.get(0)} and {@code predictions.get(0)}; default DJL's
         * {@link SoftmaxCrossEntropyLoss}.
         *
         * @param primary the primary loss
         * @return this builder
         */
        public Builder primary(Loss primary) {
            this.primary = primary;
            return this;
        }

        /**
         * Sets the hinge loss; default {@code MulticlassHingeLoss.builder().build()}.
         *
         * @param hinge the hinge loss
         * @return this builder
         */
        public Builder hinge(AbstractHingeLoss hinge) {
            this.hinge = hinge;
            return this;
        }

        /**
         * Sets the weight of the hinge part, default 1.
         *
         * @param lambda a finite value &gt;= 0
         * @return this builder
         */
        public Builder lambda(float lambda) {
            this.lambda = lambda;
            return this;
        }

        /**
         * Sets which prediction the hinge reads, default 0 (the primary's logits).
         *
         * @param hingePredictionIndex an index &gt;= 0 into the model's predictions
         * @return this builder
         */
        public Builder hingePredictionIndex(int hingePredictionIndex) {
            this.hingePredictionIndex = hingePredictionIndex;
            return this;
        }

        /**
         * Checks the settings and builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public AuxiliaryHingeLoss build() {
            Checks.nonBlank("name", name);
            Checks.present("primary", primary);
            Checks.present("hinge", hinge);
            Checks.nonNegativeFinite("lambda", lambda);
            Checks.nonNegative("hingePredictionIndex", hingePredictionIndex);
            return new AuxiliaryHingeLoss(this);
        }
    }
}
