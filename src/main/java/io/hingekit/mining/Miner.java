package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/**
 * Chooses (anchor, positive, negative) triplets from a distance matrix and labels, without gradient. Query i is
 * reference i (the references are the batch, possibly followed by a {@link CrossBatchMemory}), so column i is never
 * a positive of anchor i. Anchors with no positive or no negative give no triplet; an empty result is legal. Ties
 * in distance are broken towards the lowest reference index.
 */
public interface Miner {

    /**
     * Mines triplets.
     *
     * @param distances detached distances, shape (Q, R) with Q &lt;= R, larger meaning farther
     * @param queryLabels integer class ids of the queries, shape (Q)
     * @param referenceLabels integer class ids of the references, shape (R)
     * @return the mined triplets, on the distances' device
     */
    Triplets mine(NDArray distances, NDArray queryLabels, NDArray referenceLabels);

    /**
     * Mines triplets within one batch (queries and references are the same embeddings).
     *
     * @param distances detached distances, shape (B, B)
     * @param labels integer class ids, shape (B)
     * @return the mined triplets
     */
    default Triplets mine(NDArray distances, NDArray labels) {
        return mine(distances, labels, labels);
    }

    /**
     * Computes the distances of a batch with no gradient, then mines triplets from them.
     *
     * @param distance the distance to mine with
     * @param embeddings shape (B, D)
     * @param labels integer class ids, shape (B)
     * @return the mined triplets
     */
    default Triplets mine(Distance distance, NDArray embeddings, NDArray labels) {
        NDArray detached = embeddings.stopGradient();
        return mine(distance.pairwise(detached, detached), labels);
    }
}
