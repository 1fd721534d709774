package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import io.hingekit.util.Checks;

/**
 * Mines every valid triplet of the batch (PML's {@code TripletMarginMiner(type_of_triplets="all")} without a miner):
 * optionally only those with a positive hinge {@code d(a,p) - d(a,n) + margin > 0}, optionally capped at a seeded
 * uniform random subset. Anchor-positive pairs are processed in chunks, so working memory is O(Q*R + chunk), never
 * O(Q*R*R); the output itself is T triplets x 24 bytes, which the cap bounds.
 */
public final class BatchAllMiner implements Miner {

    private final TripletEnumerator enumerator;

    private BatchAllMiner(Builder builder) {
        this.enumerator = new TripletEnumerator(
                builder.margin, builder.maxTriplets, builder.seed, builder.chunkElements);
    }

    /**
     * Returns a miner of every valid triplet, uncapped.
     *
     * @return the miner
     */
    public static BatchAllMiner all() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder with no margin filter and no cap
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Triplets mine(NDArray distances, NDArray queryLabels, NDArray referenceLabels) {
        return enumerator.enumerate(distances, queryLabels, referenceLabels);
    }

    /** Builds a {@link BatchAllMiner}. */
    public static final class Builder {

        private float margin = Float.NaN;
        private int maxTriplets = TripletEnumerator.UNLIMITED;
        private long seed;
        private long chunkElements = AnchorPositivePairs.DEFAULT_CHUNK_ELEMENTS;

        private Builder() {}

        /**
         * Keeps only triplets whose hinge with this margin is positive (the loss-carrying ones).
         *
         * @param margin finite and &gt;= 0
         * @return this builder
         */
        public Builder margin(float margin) {
            this.margin = Checks.nonNegativeFinite("margin", margin);
            return this;
        }

        /**
         * Caps the number of triplets: beyond it, a uniform random subset of this size is kept.
         *
         * @param maxTriplets &gt; 0
         * @return this builder
         */
        public Builder maxTriplets(int maxTriplets) {
            this.maxTriplets = Checks.positive("maxTriplets", maxTriplets);
            return this;
        }

        /**
         * Seeds the random subset; the generator advances on each call, so a run is reproducible.
         *
         * @param seed any value (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the working-memory budget: anchor-positive pairs x references handled per chunk.
         *
         * @param chunkElements &gt; 0 (default 4 Mi)
         * @return this builder
         */
        public Builder chunkElements(long chunkElements) {
            this.chunkElements = Checks.positive("chunkElements", chunkElements);
            return this;
        }

        /**
         * Builds the miner.
         *
         * @return the miner
         */
        public BatchAllMiner build() {
            return new BatchAllMiner(this);
        }
    }
}
