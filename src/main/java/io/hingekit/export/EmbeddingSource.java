package io.hingekit.export;

import java.util.Iterator;

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

    /** Releases the model, the dataset and native memory; the default holds nothing. */
    @Override
    default void close() {}
}
