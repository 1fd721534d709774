package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/** The squared Euclidean distance {@code |q - r|^2}, clamped at zero against rounding below it. */
public final class SquaredEuclideanDistance implements Distance {

    @Override
    public NDArray pairwise(NDArray queries, NDArray references) {
        return MaskOps.atLeast(Distance.squaredEuclideanUnclamped(queries, references), 0f);
    }

    @Override
    public String toString() {
        return "squared_euclidean";
    }
}
