/**
 * Metric learning by composition: a {@link io.hingekit.mining.Distance} gives the query-by-reference distance
 * matrix, a {@link io.hingekit.mining.Miner} picks (anchor, positive, negative) {@link io.hingekit.mining.Triplets}
 * from it without gradient, and a {@link io.hingekit.mining.Reduction} turns per-term losses into the batch loss.
 * {@link io.hingekit.mining.TripletHingeLoss} and {@link io.hingekit.mining.ContrastiveHingeLoss} combine them
 * (both {@link io.hingekit.mining.MetricHingeLoss}es, built on {@link io.hingekit.mining.MetricLossBuilder}),
 * optionally mining against a {@link io.hingekit.mining.CrossBatchMemory} of earlier batches.
 *
 * <p>One class per strategy, never a mode string: {@link io.hingekit.mining.BatchAllMiner},
 * {@link io.hingekit.mining.BatchHardMiner} (the default), {@link io.hingekit.mining.SemiHardMiner},
 * {@link io.hingekit.mining.HardMiner}. Masks stay Q x R; every valid triplet is enumerated in chunks of
 * anchor-positive pairs, never as a Q x R x R tensor. A batch without a triplet gives a zero that stays attached to
 * the graph. Temporaries live in a {@link io.hingekit.loss.ResultScope}; the mining code is benchmarked against
 * plain PyTorch ({@code bench/mining.py}), so keep per-call allocations to what exists.
 *
 * <pre>{@code
 * TripletHingeLoss loss = TripletHingeLoss.builder()
 *         .margin(0.2f).distance(new EuclideanDistance()).miner(new SemiHardMiner(0.2f))
 *         .reduction(Reductions.MEAN_NONZERO).build();
 * }</pre>
 *
 * <p>Hinge losses on class scores: see {@code io.hingekit.loss}. Retrieval metrics of the learnt embeddings: see
 * {@code io.hingekit.metrics}.
 *
 * <p><b>Layering:</b> may import util, files and loss.
 */
package io.hingekit.mining;
