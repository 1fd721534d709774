package io.hingekit.inference;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Where an export's embeddings come from: a trained model run over a dataset split, batch by batch, or vectors
 * already in memory. A source is read once, from the first batch to the last.
 */
public interface EmbeddingSource extends AutoCloseable {

    /**
     * Returns the embedding dimension; every batch has it.
     *
     * @return the dimension
     */
    int dimension();

    /**
     * Returns how many items the source will deliver, for the progress display.
     *
     * @return the count, or -1 when unknown
     */
    long count();

    /**
     * Returns what the manifest records about the model and the distance.
     *
     * @return the metadata
     */
    EmbeddingMetadata metadata();

    /**
     * Returns the batches, in item order; called once.
     *
     * @return an iterator over the batches
     */
    Iterator<EmbeddingBatch> batches();

    /**
     * Iterates over the items {@code [0, count)} in consecutive ranges of at most {@code batchSize}, in order: the
     * {@link #batches()} of a source that can cut any range of its items.
     *
     * @param count how many items
     * @param batchSize the largest range, &gt; 0
     * @param slice builds the batch of the items {@code [from, to)}
     * @return an iterator over the batches
     */
    static Iterator<EmbeddingBatch> inRanges(int count, int batchSize, Range slice) {
        return new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() {
                return from < count;
            }

            @Override
            public EmbeddingBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(count, from + batchSize);
                EmbeddingBatch batch = slice.batch(from, to);
                from = to;
                return batch;
            }
        };
    }

    /** Builds the batch of one range of items, for {@link #inRanges}. */
    @FunctionalInterface
    interface Range {

        /**
         * Builds one batch.
         *
         * @param from the first item
         * @param to one past the last item
         * @return the batch of items {@code [from, to)}
         */
        EmbeddingBatch batch(int from, int to);
    }

    /** Releases the model, the dataset and native memory; the default holds nothing. */
    @Override
    default void close() {}
}
