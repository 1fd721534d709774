package io.hingekit.export;

import io.hingekit.inference.EmbeddingBatch;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes an export's files in one format as batches arrive, keeping only a bounded amount in memory.
 * {@link #close()} releases files whether or not {@link #finish()} ran.
 */
public interface EmbeddingWriter extends Closeable {

    /**
     * Appends one batch.
     *
     * @param batch the batch, of the target's dimension
     * @throws IOException if writing fails
     */
    void write(EmbeddingBatch batch) throws IOException;

    /**
     * Completes the files after the last batch (headers, index merge, sprite, config).
     *
     * @return what the manifest records about the written files
     * @throws IOException if writing fails
     */
    FormatDetails finish() throws IOException;
}
