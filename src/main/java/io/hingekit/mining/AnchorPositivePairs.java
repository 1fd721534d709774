package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * The anchor-positive pairs of a distance matrix in row-major order, visited in chunks of pairs whose distance rows
 * (one row of R references per pair) fit an element budget, so that per-negative work stays O(budget) in memory
 * instead of O(Q * R * R). The rows handed out are negative distances: entries that are not negatives of the anchor
 * read +infinity, so one comparison both selects negatives and tests distances.
 */
final class AnchorPositivePairs {

    /** Default budget of (pairs x references) elements per chunk: 4 Mi, i.e. 16 MiB of float32 rows. */
    static final long DEFAULT_CHUNK_ELEMENTS = 1L << 22;

    private final NDArray distances;
    private final NDArray negativeDistances;
    private final NDArray anchors;
    private final NDArray positives;
    private final long chunkPairs;

    AnchorPositivePairs(NDArray distances, LabelMasks masks, long chunkElements) {
        this.distances = distances;
        this.negativeDistances =
                MaskOps.keepWhere(masks.negatives(), distances, Float.POSITIVE_INFINITY);
        NDArray pairs = masks.positives().nonzero();
        this.anchors = pairs.get(new NDIndex().addAllDim().addIndices(0));
        this.positives = pairs.get(new NDIndex().addAllDim().addIndices(1));
        this.chunkPairs = Math.max(1, chunkElements / Math.max(1, distances.getShape().get(1)));
    }

    long size() {
        return anchors.size();
    }

    int chunkCount() {
        return (int) ((size() + chunkPairs - 1) / chunkPairs);
    }

    Chunk chunk(int index) {
        long start = index * chunkPairs;
        long end = Math.min(size(), start + chunkPairs);
        NDArray chunkAnchors = anchors.get(new NDIndex().addSliceDim(start, end));
        NDArray chunkPositives = positives.get(new NDIndex().addSliceDim(start, end));
        NDArray positiveDistances = MaskOps.entries(distances, chunkAnchors, chunkPositives);
        return new Chunk(chunkAnchors, chunkPositives, MaskOps.rows(negativeDistances, chunkAnchors),
                positiveDistances.expandDims(1));
    }

    /**
     * One chunk of c pairs.
     *
     * @param anchors anchor indices, shape (c)
     * @param positives positive indices, shape (c)
     * @param negativeRows the anchors' distance rows, +infinity where the reference is not a negative, shape (c, R)
     * @param positiveDistances d(a, p), shape (c, 1)
     */
    record Chunk(NDArray anchors, NDArray positives, NDArray negativeRows, NDArray positiveDistances) {

        /**
         * Tells, for every pair and reference, whether the reference is a negative whose hinge
         * {@code d(a,p) - d(a,n) + offset} is positive (always false for non-negatives: their hinge is -infinity).
         *
         * @param offset the margin (0 for a plain comparison)
         * @return boolean, shape (c, R)
         */
        NDArray positiveHinge(float offset) {
            return positiveDistances.sub(negativeRows).add(MaskOps.fill(negativeRows, offset))
                    .gt(MaskOps.fill(negativeRows, 0f));
        }

        /**
         * Tells, for every pair and reference, whether the reference is a negative.
         *
         * @return boolean, shape (c, R)
         */
        NDArray isNegative() {
            return negativeRows.lt(MaskOps.fill(negativeRows, Float.POSITIVE_INFINITY));
        }
    }
}
