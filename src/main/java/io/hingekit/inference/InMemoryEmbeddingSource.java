package io.hingekit.inference;

import io.hingekit.util.Checks;
import java.util.Arrays;
import java.util.Iterator;

/**
 * An {@link EmbeddingSource} over vectors already in memory, cut into batches: for tests, benchmarks and
 * embeddings computed elsewhere.
 */
public final class InMemoryEmbeddingSource implements EmbeddingSource {

    /** Rows per batch when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final long[] ids;
    private final int[] labels;
    private final float[] vectors;
    private final int dimension;
    private final Thumbnails thumbnails;
    private final EmbeddingMetadata metadata;
    private final int batchSize;

    private InMemoryEmbeddingSource(Builder builder) {
        this.ids = builder.ids;
        this.labels = builder.labels;
        this.vectors = builder.vectors;
        this.dimension = builder.dimension;
        this.thumbnails = builder.thumbnails;
        this.metadata = builder.metadata;
        this.batchSize = builder.batchSize;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long count() {
        return ids.length;
    }

    @Override
    public EmbeddingMetadata metadata() {
        return metadata;
    }

    @Override
    public Iterator<EmbeddingBatch> batches() {
        return EmbeddingSource.inRanges(ids.length, batchSize, this::slice);
    }

    private EmbeddingBatch slice(int from, int to) {
        Thumbnails images = null;
        if (thumbnails != null) {
            int bytes = thumbnails.imageBytes();
            images = new Thumbnails(thumbnails.width(), thumbnails.height(), thumbnails.channels(),
                    Arrays.copyOfRange(thumbnails.pixels(), from * bytes, to * bytes));
        }
        return new EmbeddingBatch(
                Arrays.copyOfRange(ids, from, to),
                Arrays.copyOfRange(labels, from, to),
                Arrays.copyOfRange(vectors, from * dimension, to * dimension),
                dimension,
                images);
    }

    /** Builds an {@link InMemoryEmbeddingSource}; {@code vectors}, {@code labels} and {@code metadata} are required. */
    public static final class Builder {
        private long[] ids;
        private int[] labels;
        private float[] vectors;
        private int dimension;
        private Thumbnails thumbnails;
        private EmbeddingMetadata metadata;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder() {}

        /**
         * Sets the vectors, row-major.
         *
         * @param vectors {@code rows * dimension} values
         * @param dimension the dimension
         * @return this builder
         */
        public Builder vectors(float[] vectors, int dimension) {
            this.vectors = vectors;
            this.dimension = dimension;
            return this;
        }

        /**
         * Sets the labels, one per row.
         *
         * @param labels the labels
         * @return this builder
         */
        public Builder labels(int[] labels) {
            this.labels = labels;
            return this;
        }

        /**
         * Sets the ids; without them, row {@code i} gets id {@code i}.
         *
         * @param ids the ids
         * @return this builder
         */
        public Builder ids(long[] ids) {
            this.ids = ids;
            return this;
        }

        /**
         * Sets images of all rows for the projector sprite.
         *
         * @param thumbnails one image per row
         * @return this builder
         */
        public Builder thumbnails(Thumbnails thumbnails) {
            this.thumbnails = thumbnails;
            return this;
        }

        /**
         * Sets the metadata.
         *
         * @param metadata the metadata
         * @return this builder
         */
        public Builder metadata(EmbeddingMetadata metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets the rows per batch.
         *
         * @param batchSize a positive count
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Validates and builds the source.
         *
         * @return the source
         * @throws IllegalArgumentException if a part is missing or the parts disagree in row count
         */
        public InMemoryEmbeddingSource build() {
            if (vectors == null || labels == null || metadata == null) {
                throw new IllegalArgumentException("vectors, labels and metadata are required");
            }
            Checks.positive("batchSize", batchSize);
            if (ids == null) {
                ids = new long[labels.length];
                Arrays.setAll(ids, i -> i);
            }
            // Validates row counts and dimension once, as one batch.
            new EmbeddingBatch(ids, labels, vectors, dimension, thumbnails);
            return new InMemoryEmbeddingSource(this);
        }
    }
}
