package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/** The squared Euclidean distance {@code |q - r|^2}, clamped at zero against rounding below it. */
public final class SquaredEuclideanDistance implements Distance {

    @Override
    public NDArray pairwise(NDArray queries, NDArray references) {
        return Distance.squaredEuclideanUnclamped(queries, references).clip(0f, Float.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "squared_euclidean";
    }
}
