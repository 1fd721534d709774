/**
 * Nearest-neighbour search in a Lucene export and how good it is. {@link io.hingekit.search.LuceneIndexSearcher}
 * opens an export (checking its manifest) and searches its HNSW graph by item id or by vector, returning
 * {@link io.hingekit.search.SearchHit}s with the model's distance; {@link io.hingekit.search.IndexRecallEvaluator}
 * compares HNSW neighbours with exact ones ({@link io.hingekit.search.ExactNeighbours}, brute force in blocks) into
 * an {@link io.hingekit.search.IndexRecallReport}: recall, label precision and latency.
 *
 * <pre>{@code
 * try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(Path.of("exports/fashion"))) {
 *     List<SearchHit> hits = searcher.searchById(42, 10, 100);
 * }
 * }</pre>
 *
 * <p><b>Layering:</b> may import util, files, loss, mining, metrics, config, data, model, task, inference and
 * export.
 */
package io.hingekit.search;
