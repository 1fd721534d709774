/**
 * What an evaluation measures, computed with NDArray operations on the device and read back once per split: margin
 * health of class scores ({@link io.hingekit.metrics.MarginAccumulator} into a
 * {@link io.hingekit.metrics.MarginReport}: mean loss, accuracy, violation rate, signed margins, per-class and
 * per-sample losses; a {@link io.hingekit.metrics.ScoreHead} says how a head's outputs give the class, the signed
 * margin and the gap: {@link io.hingekit.metrics.Margins#head} for one score per class or per sample,
 * {@link io.hingekit.metrics.Margins#oneVsOne} for pairwise scores) and retrieval
 * quality of embeddings ({@link io.hingekit.metrics.RetrievalMetrics} into a
 * {@link io.hingekit.metrics.RetrievalReport}: precision@1, MAP@R, recall@k, k-NN accuracy with exact search).
 *
 * <p>A training run drives them through {@link io.hingekit.metrics.SplitEvaluator}: one per split and pass, fed
 * batch by batch, summarised once as a {@link io.hingekit.metrics.SplitResult}
 * ({@link io.hingekit.metrics.EmbeddingEvaluator} and {@link io.hingekit.metrics.BatchLossMean} for embedding runs).
 * Metric names, the same in {@code metrics.json}, TensorBoard and {@code training.selectBy}, are the constants of
 * {@link io.hingekit.metrics.MetricNames}.
 *
 * <pre>{@code
 * RetrievalReport report = RetrievalMetrics.builder().knnK(5).build().evaluate(embeddings, labels);
 * }</pre>
 *
 * <p><b>Layering:</b> may import util, files, loss and mining.
 */
package io.hingekit.metrics;
