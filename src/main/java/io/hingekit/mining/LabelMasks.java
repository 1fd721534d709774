package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

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
        NDArray positives = sameLabel(distances, queryLabels, referenceLabels);
        NDArray negatives = positives.logicalNot();
        MaskOps.setDiagonal(positives, 0);
        return new LabelMasks(positives, negatives);
    }

    /**
     * Tells which references share each query's label, the query itself included, after checking that the
     * distances and labels agree in shape.
     *
     * @param distances shape (Q, R)
     * @param queryLabels shape (Q)
     * @param referenceLabels shape (R)
     * @return boolean, shape (Q, R)
     */
    static NDArray sameLabel(NDArray distances, NDArray queryLabels, NDArray referenceLabels) {
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
        return queryLabels.reshape(queries, 1).eq(referenceLabels.reshape(1, references));
    }
}
