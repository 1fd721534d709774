package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * Mines one triplet per anchor (Hermans et al. 2017, "batch hard"): its farthest positive and its nearest negative.
 * Anchors with no positive or no negative give none. O(Q*R) time and memory.
 */
public final class BatchHardMiner implements Miner {

    @Override
    public Triplets mine(NDArray distances, NDArray queryLabels, NDArray referenceLabels) {
        try (ResultScope scope = new ResultScope()) {
            LabelMasks masks = LabelMasks.of(distances, queryLabels, referenceLabels);
            NDArray farthestPositive =
                    NDArrays.where(masks.positives(), distances, MaskOps.fill(distances, Float.NEGATIVE_INFINITY))
                            .argMax(1);
            NDArray nearestNegative =
                    NDArrays.where(masks.negatives(), distances, MaskOps.fill(distances, Float.POSITIVE_INFINITY))
                            .argMin(1);
            NDArray anchors = MaskOps.hasAny(masks.positives())
                    .logicalAnd(MaskOps.hasAny(masks.negatives()))
                    .nonzero()
                    .reshape(-1);
            return scope.keep(new Triplets(anchors, farthestPositive.get(anchors), nearestNegative.get(anchors)));
        }
    }
}
