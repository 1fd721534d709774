package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import io.hingekit.loss.ResultScope;

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
            RowExtremes farthestPositive = RowExtremes.largest(positiveRows);
            RowExtremes nearestNegative = RowExtremes.smallest(negativeRows);
            // -infinity (or NaN) unless the anchor found a positive (not -infinity) and a negative (not +infinity)
            NDArray gap = farthestPositive.values().sub(nearestNegative.values());
            NDArray anchors = gap.gt(negativeInfinity).nonzero().reshape(-1);
            return new Triplets(anchors, farthestPositive.indices().take(anchors),
                    nearestNegative.indices().take(anchors)).keptBy(scope);
        }
    }
}
