/**
 * Running a trained model to get embeddings, for export and search. An
 * {@link io.hingekit.inference.EmbeddingSource} delivers {@link io.hingekit.inference.EmbeddingBatch}es on the host,
 * once, first batch to last, with the {@link io.hingekit.inference.EmbeddingMetadata} a manifest records:
 * {@link io.hingekit.inference.ModelEmbeddingSource} embeds a dataset split with a trained model (what
 * {@code export} uses, through {@link io.hingekit.inference.EmbeddingSourceFactory});
 * {@link io.hingekit.inference.InMemoryEmbeddingSource} cuts vectors already in memory into batches.
 * {@link io.hingekit.inference.ModelQueries} embeds one raw input and {@link io.hingekit.inference.QueryVectors}
 * reads one query vector from a file, for {@code search}.
 *
 * <pre>{@code
 * EmbeddingRequest request = new EmbeddingRequest(modelDir, null, "test", 64, "cpu");
 * try (EmbeddingSource source = ModelEmbeddingSource.open(request)) {
 *     EmbeddingBatch first = source.batches().next();
 * }
 * }</pre>
 *
 * <p><b>Layering:</b> may import util, files, loss, mining, metrics, config, data, model and task.
 */
package io.hingekit.inference;
