package io.hingekit.inference;

import java.io.IOException;

/**
 * Opens the embeddings of a trained model for the {@code export} command. The model side implements it and
 * hands the implementation to the command.
 */
@FunctionalInterface
public interface EmbeddingSourceFactory {

    /**
     * Opens a source computing the requested embeddings.
     *
     * @param request model, data, split, batch size and device
     * @return the source; the caller closes it
     * @throws IOException if the model or the data cannot be read
     */
    EmbeddingSource open(EmbeddingRequest request) throws IOException;
}
