package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/**
 * The Euclidean (L2) distance {@code |q - r|}. The squared form is clamped at {@link Distance#EPSILON} before the
 * square root, so a pair at distance zero gets a zero gradient instead of NaN.
 */
public final class EuclideanDistance implements Distance {

    @Override
    public NDArray pairwise(NDArray queries, NDArray references) {
        return MaskOps.atLeast(Distance.squaredEuclideanUnclamped(queries, references), EPSILON).sqrt();
    }

    @Override
    public String toString() {
        return "euclidean";
    }
}
