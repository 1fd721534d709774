package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import io.hingekit.loss.ResultScope;
import io.hingekit.util.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The triplet hinge loss {@code max(0, d(a,p) - d(a,n) + margin)} over the triplets a {@link Miner} picks from each
 * batch, reduced by a {@link Reduction} (default {@link Reductions#MEAN_NONZERO}); the soft-margin variant is
 * {@code log(1 + exp(d(a,p) - d(a,n)))}. {@code labels.get(0)} holds the class ids (N), {@code predictions.get(0)}
 * the embeddings (N, D); float16 embeddings are computed in float32.
 *
 * <p>A batch with no triplet gives a loss of 0 that is still attached to the graph (zero gradient), counted in the
 * {@code no_triplet_batches} diagnostic (training calls only, i.e. while gradients are recorded). With a
 * {@link CrossBatchMemory}, each training batch is mined against itself plus the bank, then enqueued.
 */
public final class TripletHingeLoss extends MetricHingeLoss {

    /** Default margin (FaceNet's 0.2, for embeddings of about unit scale). */
    public static final float DEFAULT_MARGIN = 0.2f;

    private final boolean softMargin;
    private final CrossBatchMemory memory;
    private final AtomicLong noTripletBatches = new AtomicLong();

    private TripletHingeLoss(Builder builder) {
        super(builder);
        this.softMargin = builder.softMargin;
        this.memory = builder.memory;
    }

    /**
     * Starts a builder: margin 0.2, Euclidean distance, batch-hard mining ({@link BatchHardMiner}, as a config's
     * default), not squared, hard margin, {@link Reductions#MEAN_NONZERO}, no memory.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        boolean training = GradMode.isRecording();
        try (ResultScope scope = new ResultScope()) {
            Terms terms = terms(labels, predictions);
            if (training) {
                if (terms.triplets().isEmpty()) {
                    noTripletBatches.incrementAndGet();
                }
                if (memory != null) {
                    memory.enqueue(terms.batch().embeddings(), terms.batch().labels());
                }
            }
            return scope.keep(reduction.reduce(terms.losses()));
        }
    }

    /** The per-triplet losses, with {@code triplet_gap}: how far each triplet is from violating the ordering. */
    @Override
    PerTerm computePerTerm(NDList labels, NDList predictions) {
        Terms terms = terms(labels, predictions);
        NDArray gaps = terms.negativeDistances().sub(terms.positiveDistances());
        return new PerTerm(terms.losses(), Map.of("triplet_gap", gaps));
    }

    /**
     * Returns {@code triplets} (count), {@code active_fraction} (share with loss &gt; 0), {@code mean_d_ap},
     * {@code mean_d_an} (0 when there is no triplet) and {@code no_triplet_batches} (training batches so far).
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
            Map<String, NDArray> parts = new LinkedHashMap<>();
            parts.put("triplets", scope.keep(losses.getManager().create(terms.triplets().size())));
            NDArray active = losses.gt(0f).toType(losses.getDataType(), false);
            parts.put("active_fraction", scope.keep(Reductions.MEAN.reduce(active)));
            parts.put("mean_d_ap", scope.keep(Reductions.MEAN.reduce(terms.positiveDistances())));
            parts.put("mean_d_an", scope.keep(Reductions.MEAN.reduce(terms.negativeDistances())));
            parts.put("no_triplet_batches", scope.keep(losses.getManager().create(noTripletBatches.get())));
            return parts;
        }
    }

    /**
     * Returns the number of training batches so far in which the miner found no triplet.
     *
     * @return the count
     */
    public long noTripletBatches() {
        return noTripletBatches.get();
    }

    private Terms terms(NDList labels, NDList predictions) {
        MiningBatch batch = MiningBatch.of(labels, predictions, distance, squared, memory);
        Triplets triplets = miner.mine(batch.distances().stopGradient(), batch.labels(), batch.referenceLabels());
        NDArray positiveDistances = batch.distancesAt(triplets.anchorPositiveEntries(batch.references()));
        NDArray negativeDistances = batch.distancesAt(triplets.anchorNegativeEntries(batch.references()));
        NDArray difference = positiveDistances.sub(negativeDistances);
        NDArray losses = softMargin ? Activation.softPlus(difference) : Activation.relu(difference.add(margin));
        return new Terms(batch, triplets, positiveDistances, negativeDistances, losses);
    }

    private record Terms(
            MiningBatch batch,
            Triplets triplets,
            NDArray positiveDistances,
            NDArray negativeDistances,
            NDArray losses) {}

    /** Builds a {@link TripletHingeLoss}; the shared properties come from {@link MetricLossBuilder}. */
    public static final class Builder extends MetricLossBuilder<Builder> {

        private boolean softMargin;
        private CrossBatchMemory memory;

        private Builder() {
            super("TripletHingeLoss", DEFAULT_MARGIN, new BatchHardMiner());
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Uses the soft margin {@code log(1 + exp(d(a,p) - d(a,n)))} (Hermans et al. 2017) instead of the hinge.
         *
         * @param softMargin true for the softplus variant
         * @return this builder
         */
        public Builder softMargin(boolean softMargin) {
            this.softMargin = softMargin;
            return this;
        }

        /**
         * Mines against a cross-batch memory as well as the batch, and feeds training batches into it.
         *
         * @param memory the memory, or null for none
         * @return this builder
         */
        public Builder memory(CrossBatchMemory memory) {
            this.memory = memory;
            return this;
        }


        /**
         * Builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException if a property is missing or out of range
         */
        public TripletHingeLoss build() {
            checkShared();
            Checks.present("miner", miner);
            return new TripletHingeLoss(this);
        }
    }
}
