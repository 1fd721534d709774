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
            NDArray negativeInfinity = MaskOps.fill(distances, Float.NEGATIVE_INFINITY);
            NDArray positiveInfinity = MaskOps.fill(distances, Float.POSITIVE_INFINITY);
            NDArray positiveRows = NDArrays.where(masks.positives(), distances, negativeInfinity);
            NDArray negativeRows = NDArrays.where(masks.negatives(), distances, positiveInfinity);
            NDArray farthestPositive = positiveRows.argMax(1).expandDims(1);
            NDArray nearestNegative = negativeRows.argMin(1).expandDims(1);
            // an anchor without positives (negatives) finds only -infinity (+infinity) there
            NDArray anchors = positiveRows.gather(farthestPositive, 1).gt(negativeInfinity)
                    .logicalAnd(negativeRows.gather(nearestNegative, 1).lt(positiveInfinity))
                    .reshape(-1)
                    .nonzero()
                    .reshape(-1);
            return scope.keep(new Triplets(
                    anchors, farthestPositive.take(anchors), nearestNegative.take(anchors)));
        }
    }
}
