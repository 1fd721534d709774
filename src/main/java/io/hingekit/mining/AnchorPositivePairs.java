package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * The anchor-positive pairs of a distance matrix in row-major order, visited in chunks of pairs whose distance rows
 * (one row of R references per pair) fit an element budget, so that per-negative work stays O(budget) in memory
 * instead of O(Q * R * R).
 */
final class AnchorPositivePairs {

    /** Default budget of (pairs x references) elements per chunk: 4 Mi, i.e. 16 MiB of float32 rows. */
    static final long DEFAULT_CHUNK_ELEMENTS = 1L << 22;

    private final NDArray distances;
    private final NDArray negatives;
    private final NDArray anchors;
    private final NDArray positives;
    private final long chunkPairs;

    AnchorPositivePairs(NDArray distances, LabelMasks masks, long chunkElements) {
        this.distances = distances;
        this.negatives = masks.negatives();
        NDArray pairs = masks.positives().nonzero();
        this.anchors = pairs.get(":, 0");
        this.positives = pairs.get(":, 1");
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
        NDArray chunkAnchors = anchors.get(new NDIndex("{}:{}", start, end));
        NDArray chunkPositives = positives.get(new NDIndex("{}:{}", start, end));
        NDArray rows = distances.get(chunkAnchors);
        NDArray positiveDistances = distances.get(new NDIndex("{}, {}", chunkAnchors, chunkPositives));
        return new Chunk(chunkAnchors, chunkPositives, rows, negatives.get(chunkAnchors), positiveDistances.expandDims(1));
    }

    /**
     * One chunk of c pairs.
     *
     * @param anchors anchor indices, shape (c)
     * @param positives positive indices, shape (c)
     * @param rows the anchors' distance rows, shape (c, R)
     * @param negativeRows the anchors' negative masks, shape (c, R)
     * @param positiveDistances d(a, p), shape (c, 1)
     */
    record Chunk(NDArray anchors, NDArray positives, NDArray rows, NDArray negativeRows, NDArray positiveDistances) {

        /**
         * Returns the hinge argument {@code d(a,p) - d(a,n) + offset} for every pair and reference.
         *
         * @param offset the margin (0 for a plain comparison)
         * @return shape (c, R)
         */
        NDArray hinge(float offset) {
            return positiveDistances.sub(rows).add(offset);
        }
    }
}
