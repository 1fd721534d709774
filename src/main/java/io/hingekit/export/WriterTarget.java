package io.hingekit.export;

import io.hingekit.inference.EmbeddingMetadata;
import java.nio.file.Path;

/**
 * Where and what a writer writes: the (temporary) export directory and the shape and metadata of the vectors.
 *
 * @param directory the directory to write into; it exists and is empty
 * @param dimension the embedding dimension
 * @param expectedCount the number of items announced by the source, or -1
 * @param metadata the source's metadata
 * @param options the export options (format-specific settings such as HNSW parameters)
 */
public record WriterTarget(
        Path directory, int dimension, long expectedCount, EmbeddingMetadata metadata, ExportOptions options) {}
