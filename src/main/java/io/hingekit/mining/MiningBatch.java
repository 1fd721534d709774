package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * One loss call's inputs made ready for mining: float embeddings (float16 promoted to float32), int64 labels, the
 * references (the batch, then the memory's bank if any) and the query-by-reference distance matrix, squared when
 * asked, attached to the autograd graph.
 *
 * @param embeddings the batch, shape (Q, D), float32 or float64
 * @param labels the batch's class ids, int64, shape (Q)
 * @param referenceLabels the references' class ids, int64, shape (R)
 * @param distances shape (Q, R)
 */
record MiningBatch(NDArray embeddings, NDArray labels, NDArray referenceLabels, NDArray distances) {

    /**
     * Prepares a batch.
     *
     * @param labels {@code labels.get(0)}: class ids, N values
     * @param predictions {@code predictions.get(0)}: embeddings, shape (N, D)
     * @param distance the distance
     * @param squared whether to square the distances
     * @param memory the cross-batch memory, or null
     * @return the prepared batch
     */
    static MiningBatch of(
            NDList labels, NDList predictions, Distance distance, boolean squared, CrossBatchMemory memory) {
        NDArray embeddings = floatEmbeddings(predictions);
        NDArray classes = classIds(labels, embeddings.getShape().get(0));
        NDArray references = embeddings;
        NDArray referenceLabels = classes;
        if (memory != null) {
            NDList withBank = memory.withBank(embeddings, classes);
            references = withBank.get(0);
            referenceLabels = withBank.get(1);
        }
        NDArray distances = distance.pairwise(embeddings, references);
        return new MiningBatch(embeddings, classes, referenceLabels, squared ? distances.square() : distances);
    }

    /**
     * Returns the distances at the given flat indices (row * R + column), with gradient.
     *
     * @param entries flat indices, int64
     * @return the distances, same shape as {@code entries}
     */
    NDArray distancesAt(NDArray entries) {
        return distances.reshape(-1).take(entries);
    }

    /**
     * Returns the number of references R.
     *
     * @return the column count of the distance matrix
     */
    long references() {
        return distances.getShape().get(1);
    }

    private static NDArray floatEmbeddings(NDList predictions) {
        if (predictions == null || predictions.isEmpty()) {
            throw new IllegalArgumentException("predictions must hold the embeddings (N, D) at index 0");
        }
        NDArray embeddings = predictions.get(0);
        if (embeddings.getShape().dimension() != 2 || embeddings.getShape().get(0) == 0) {
            throw new IllegalArgumentException("embeddings must have shape (N, D) with N > 0, got "
                    + embeddings.getShape());
        }
        DataType type = embeddings.getDataType();
        if (type == DataType.FLOAT16 || type == DataType.BFLOAT16) {
            // toType would detach from the autograd graph; the type promotion of an add keeps the gradient path
            NDArray zero = embeddings.getManager().zeros(new Shape(1), DataType.FLOAT32);
            return embeddings.add(zero);
        }
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("embeddings must be floating point, got " + type);
        }
        return embeddings;
    }

    private static NDArray classIds(NDList labels, long count) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("labels must hold the class ids (N) at index 0");
        }
        NDArray classes = labels.get(0);
        if (classes.size() != count) {
            throw new IllegalArgumentException("labels must hold one class id per embedding: " + classes.size()
                    + " labels (shape " + classes.getShape() + ") for " + count + " embeddings");
        }
        return classes.reshape(count).toType(DataType.INT64, false);
    }
}
