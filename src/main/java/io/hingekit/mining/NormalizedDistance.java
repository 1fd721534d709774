package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * Another distance applied to L2-normalised embeddings, e.g. the Euclidean distance on the unit sphere
 * ({@code new NormalizedDistance(new EuclideanDistance())}, in [0, 2]).
 */
public final class NormalizedDistance implements Distance {

    private final Distance inner;

    /**
     * Wraps a distance.
     *
     * @param inner the distance computed between the normalised embeddings
     */
    public NormalizedDistance(Distance inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public NDArray pairwise(NDArray queries, NDArray references) {
        return inner.pairwise(Distance.l2Normalize(queries), Distance.l2Normalize(references));
    }

    @Override
    public String toString() {
        return "normalized_" + inner;
    }
}
