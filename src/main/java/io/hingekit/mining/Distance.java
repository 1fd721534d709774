package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/**
 * A pairwise distance between embeddings, computed on the device as one matrix: larger always means farther
 * apart (all distances here are dissimilarities, none is a similarity).
 */
public interface Distance {

    /** Squared norms below this are clamped before a square root or a division, so gradients stay finite. */
    float EPSILON = 1e-12f;

    /**
     * Computes the distance of every query to every reference.
     *
     * @param queries embeddings, shape (Q, D)
     * @param references embeddings, shape (R, D), same data type as {@code queries}
     * @return the distances, shape (Q, R), attached to the autograd graph of the inputs
     */
    NDArray pairwise(NDArray queries, NDArray references);

    /**
     * Scales each row to unit Euclidean length; rows of (near) zero length stay (near) zero.
     *
     * @param embeddings shape (N, D)
     * @return the normalised rows, shape (N, D)
     */
    static NDArray l2Normalize(NDArray embeddings) {
        NDArray norms = MaskOps.atLeast(embeddings.square().sum(new int[] {1}, true), EPSILON).sqrt();
        return embeddings.div(norms);
    }

    /**
     * Returns {@code |q|^2 + |r|^2 - 2 q.r} for all pairs, the matrix-product form of the squared Euclidean
     * distance; it can come out slightly negative from rounding, callers clamp it.
     *
     * @param queries shape (Q, D)
     * @param references shape (R, D)
     * @return shape (Q, R)
     */
    static NDArray squaredEuclideanUnclamped(NDArray queries, NDArray references) {
        NDArray queryNorms = queries.square().sum(new int[] {1}, true);
        NDArray referenceNorms = references == queries
                ? queryNorms.reshape(1, -1)
                : references.square().sum(new int[] {1}).expandDims(0);
        // scaling the (Q, D) factor by -2 is exact and saves a pass over the (Q, R) product
        NDArray products = queries.mul(MaskOps.fill(queries, -2f)).matMul(references.transpose());
        return queryNorms.add(referenceNorms).add(products);
    }
}
