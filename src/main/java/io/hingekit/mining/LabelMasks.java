package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Which references are positives and which are negatives of each query, as (Q, R) boolean masks; query i is
 * reference i and is not its own positive.
 *
 * @param positives same label, not the query itself
 * @param negatives different label
 */
record LabelMasks(NDArray positives, NDArray negatives) {

    /**
     * Builds the masks after checking that the distances and labels agree in shape.
     *
     * @param distances shape (Q, R)
     * @param queryLabels shape (Q)
     * @param referenceLabels shape (R)
     * @return the masks
     */
    static LabelMasks of(NDArray distances, NDArray queryLabels, NDArray referenceLabels) {
        long queries = queryLabels.size();
        long references = referenceLabels.size();
        if (distances.getShape().dimension() != 2
                || distances.getShape().get(0) != queries
                || distances.getShape().get(1) != references) {
            throw new IllegalArgumentException("distances must have shape (" + queries + ", " + references
                    + ") to match the labels, got " + distances.getShape());
        }
        if (queries > references) {
            throw new IllegalArgumentException(
                    "queries must be the first references: " + queries + " queries > " + references + " references");
        }
        NDArray positives = queryLabels.reshape(queries, 1).eq(referenceLabels.reshape(1, references));
        NDArray negatives = positives.logicalNot();
        // In place on the flat view, O(Q): entries (i, i) sit every R + 1 elements. Cheaper than masking with an eye.
        positives.reshape(-1).set(new NDIndex().addSliceDim(0, queries * references, references + 1), 0);
        return new LabelMasks(positives, negatives);
    }
}
