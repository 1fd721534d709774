package io.hingekit.inference;

import java.nio.file.Path;

/**
 * What the {@code export} command asks an {@link EmbeddingSourceFactory} for: embeddings of a dataset split
 * computed by a trained model.
 *
 * @param modelDir the trained model's directory
 * @param dataDir the dataset directory, or null for the dataset the model's configuration names
 * @param split the split to embed, for example {@code test}
 * @param batchSize rows per inference batch
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}, or null for {@code auto}
 */
public record EmbeddingRequest(Path modelDir, Path dataDir, String split, int batchSize, String device) {

    /** Rows per inference batch when the command line gives none. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /** Split embedded when the command line gives none. */
    public static final String DEFAULT_SPLIT = "test";
}
