package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/** The cosine distance {@code 1 - cos(q, r)}, in [0, 2]; the embeddings are L2-normalised first. */
public final class CosineDistance implements Distance {

    @Override
    public NDArray pairwise(NDArray queries, NDArray references) {
        NDArray similarity = Distance.l2Normalize(queries).matMul(Distance.l2Normalize(references).transpose());
        return MaskOps.fill(similarity, 1f).sub(similarity);
    }

    @Override
    public String toString() {
        return "cosine";
    }
}
