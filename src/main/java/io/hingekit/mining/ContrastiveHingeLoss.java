package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import io.hingekit.loss.ResultScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contrastive hinge loss (Hadsell, Chopra and LeCun 2006): {@code d(a,p)} for each positive pair and
 * {@code max(0, margin - d(a,n))} for each negative pair; with {@code squared}, both terms are squared
 * ({@code d^2} and {@code max(0, margin - d)^2}). The pairs are all ordered pairs (i, j), i != j, of the batch (each
 * unordered pair twice, which leaves the means unchanged), or, with a {@link Miner}, the (a, p) and (a, n) pairs of
 * the mined triplets (with repeats, as PML's triplet-to-pair conversion). Per-pair losses, positives first, are
 * reduced together by one {@link Reduction} (default {@link Reductions#MEAN_NONZERO}); PML's {@code ContrastiveLoss}
 * instead reduces the positive and the negative pairs separately and adds the two results.
 */
public final class ContrastiveHingeLoss extends MetricHingeLoss {

    /** Default margin of the negative pairs (PML's {@code neg_margin}). */
    public static final float DEFAULT_MARGIN = 1f;

    private ContrastiveHingeLoss(Builder builder) {
        super(builder);
    }

    /**
     * Starts a builder: margin 1, Euclidean distance, all pairs, not squared, {@link Reductions#MEAN_NONZERO}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            return scope.keep(reduction.reduce(terms(labels, predictions).losses()));
        }
    }

    /**
     * The per-pair losses, positive pairs first, shape (P + N), with {@code positive_distance} (d(a,p) of each
     * positive pair) and {@code negative_distance} (d(a,n) of each negative pair): the loss pulls the first towards 0
     * and pushes the second beyond the margin.
     */
    @Override
    PerTerm computePerTerm(NDList labels, NDList predictions) {
        Terms terms = terms(labels, predictions);
        Map<String, NDArray> distances = new LinkedHashMap<>();
        distances.put("positive_distance", terms.positiveDistances());
        distances.put("negative_distance", terms.negativeDistances());
        return new PerTerm(terms.losses(), distances);
    }

    /**
     * Returns {@code positive_pairs}, {@code negative_pairs}, {@code active_fraction} (share of pairs with loss
     * &gt; 0), {@code mean_d_pos} and {@code mean_d_neg} (0 when there is no such pair).
     *
     * @param labels the class ids, as for {@code evaluate}
     * @param predictions the embeddings, as for {@code evaluate}
     * @return scalar arrays by name
     */
    @Override
    public Map<String, NDArray> diagnostics(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            Terms terms = terms(labels, predictions);
            NDArray losses = terms.losses();
            NDArray active = losses.gt(0f).toType(losses.getDataType(), false);
            Map<String, NDArray> parts = new LinkedHashMap<>();
            parts.put("positive_pairs", scope.keep(losses.getManager().create(terms.positiveDistances().size())));
            parts.put("negative_pairs", scope.keep(losses.getManager().create(terms.negativeDistances().size())));
            parts.put("active_fraction", scope.keep(Reductions.MEAN.reduce(active)));
            parts.put("mean_d_pos", scope.keep(Reductions.MEAN.reduce(terms.positiveDistances())));
            parts.put("mean_d_neg", scope.keep(Reductions.MEAN.reduce(terms.negativeDistances())));
            return parts;
        }
    }

    private Terms terms(NDList labels, NDList predictions) {
        MiningBatch batch = MiningBatch.of(labels, predictions, distance, false, null);
        NDArray positiveEntries;
        NDArray negativeEntries;
        if (miner == null) {
            LabelMasks masks = LabelMasks.of(batch.distances(), batch.labels(), batch.referenceLabels());
            positiveEntries = masks.positives().reshape(-1).nonzero().reshape(-1);
            negativeEntries = masks.negatives().reshape(-1).nonzero().reshape(-1);
        } else {
            Triplets triplets = miner.mine(batch.distances().stopGradient(), batch.labels(), batch.referenceLabels());
            positiveEntries = triplets.anchorPositiveEntries(batch.references());
            negativeEntries = triplets.anchorNegativeEntries(batch.references());
        }
        NDArray positiveDistances = batch.distancesAt(positiveEntries);
        NDArray negativeDistances = batch.distancesAt(negativeEntries);
        NDArray negativeHinge = Activation.relu(negativeDistances.neg().add(margin));
        NDArray losses = squared
                ? positiveDistances.square().concat(negativeHinge.square())
                : positiveDistances.concat(negativeHinge);
        return new Terms(positiveDistances, negativeDistances, losses);
    }

    private record Terms(NDArray positiveDistances, NDArray negativeDistances, NDArray losses) {}

    /** Builds a {@link ContrastiveHingeLoss}; the shared properties come from {@link MetricLossBuilder}. */
    public static final class Builder extends MetricLossBuilder<Builder> {

        private Builder() {
            super("ContrastiveHingeLoss", DEFAULT_MARGIN, null);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the loss; without a miner it scores every pair of the batch.
         *
         * @return the loss
         * @throws IllegalArgumentException if a property is missing or out of range
         */
        public ContrastiveHingeLoss build() {
            checkShared();
            return new ContrastiveHingeLoss(this);
        }
    }
}
