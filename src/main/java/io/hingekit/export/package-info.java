/**
 * Embedding export for vector search: {@link io.hingekit.export.ExportService} streams an
 * {@link io.hingekit.inference.EmbeddingSource} into one {@link io.hingekit.export.ExportFormat}'s
 * {@link io.hingekit.export.EmbeddingWriter} (fvecs, npy, JSONL, a Lucene HNSW index, TensorBoard's projector),
 * writes {@code manifest.json} ({@link io.hingekit.export.ExportManifest}) and moves the finished directory into
 * place with one rename ({@link io.hingekit.export.ExportDirectory}): a failed export leaves nothing behind.
 *
 * <p>One writer per format; each writer's Javadoc lists its files and their layout, and the manifest carries the
 * layout version. Writers keep a bounded amount in memory whatever the number of items.
 *
 * <pre>{@code
 * ExportResult result = new ExportService().export(source,
 *         ExportOptions.builder().format(ExportFormat.LUCENE).out(Path.of("exports/fashion")).build());
 * }</pre>
 *
 * <p>Searching and evaluating a Lucene export: see {@code io.hingekit.search}.
 *
 * <p><b>Layering:</b> may import util, files, loss, mining, metrics, config, data, model, task and inference.
 */
package io.hingekit.export;
