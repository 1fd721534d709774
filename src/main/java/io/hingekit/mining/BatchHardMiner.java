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
            NDArray sameLabel = LabelMasks.sameLabel(distances, queryLabels, referenceLabels);
            NDArray negativeInfinity = MaskOps.fill(distances, Float.NEGATIVE_INFINITY);
            NDArray positiveRows = NDArrays.where(sameLabel, distances, negativeInfinity);
            MaskOps.setDiagonal(positiveRows, Float.NEGATIVE_INFINITY);
            NDArray negativeRows = MaskOps.fillWhere(sameLabel, Float.POSITIVE_INFINITY, distances);
            NDArray farthestPositive = positiveRows.argMax(1).expandDims(1);
            NDArray nearestNegative = negativeRows.argMin(1).expandDims(1);
            // -infinity (or NaN) unless the anchor found a positive (not -infinity) and a negative (not +infinity)
            NDArray gap = positiveRows.gather(farthestPositive, 1).sub(negativeRows.gather(nearestNegative, 1));
            NDArray anchors = gap.gt(negativeInfinity).reshape(-1).nonzero().reshape(-1);
            return scope.keep(new Triplets(
                    anchors, farthestPositive.take(anchors), nearestNegative.take(anchors)));
        }
    }
}
