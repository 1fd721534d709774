/**
 * Metric learning by composition: a {@link io.hingekit.mining.Distance} gives the distance matrix, a
 * {@link io.hingekit.mining.Miner} picks triplets from it, a {@link io.hingekit.mining.Reduction} turns their losses
 * into the batch loss, and the triplet and contrastive hinge losses combine them, optionally mining against a
 * {@link io.hingekit.mining.CrossBatchMemory}.
 */
package io.hingekit.mining;
