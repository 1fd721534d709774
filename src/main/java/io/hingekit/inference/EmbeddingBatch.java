package io.hingekit.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.hingekit.util.Checks;

/**
 * One batch of embeddings on the host, as an {@link EmbeddingSource} delivers them to the export writers.
 *
 * @param ids item ids, one per row (unique within an export)
 * @param labels class labels, one per row
 * @param vectors the embeddings, row-major, {@code ids.length * dimension} values
 * @param dimension the embedding dimension
 * @param thumbnails images of the rows for the projector sprite, or null
 */
public record EmbeddingBatch(long[] ids, int[] labels, float[] vectors, int dimension, Thumbnails thumbnails) {

    /**
     * Validates that ids, labels, vectors and thumbnails describe the same number of rows.
     *
     * @param ids item ids
     * @param labels labels
     * @param vectors row-major values
     * @param dimension the dimension
     * @param thumbnails images of the rows, or null
     */
    public EmbeddingBatch {
        Checks.positive("dimension", dimension);
        if (labels.length != ids.length) {
            throw new IllegalArgumentException("labels: " + labels.length + " labels for " + ids.length + " ids");
        }
        if (vectors.length != (long) ids.length * dimension) {
            throw new IllegalArgumentException("vectors: " + vectors.length + " values, expected " + ids.length
                    + " rows x " + dimension);
        }
        if (thumbnails != null && thumbnails.count() != ids.length) {
            throw new IllegalArgumentException("thumbnails: " + thumbnails.count() + " images for " + ids.length
                    + " rows");
        }
    }

    /**
     * Creates a batch from one array per row.
     *
     * @param ids item ids
     * @param labels labels
     * @param rows the vectors, all of the same length
     * @return the batch, without thumbnails
     */
    public static EmbeddingBatch of(long[] ids, int[] labels, float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows: a batch needs at least one row");
        }
        int dimension = rows[0].length;
        float[] flat = new float[rows.length * dimension];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dimension) {
                throw new IllegalArgumentException("rows: row " + i + " has dimension " + rows[i].length
                        + ", row 0 has " + dimension);
            }
            System.arraycopy(rows[i], 0, flat, i * dimension, dimension);
        }
        return new EmbeddingBatch(ids, labels, flat, dimension, null);
    }

    /**
     * Creates a batch by copying a (rows, dimension) array from its device to the host as float32.
     *
     * @param ids item ids
     * @param labels labels
     * @param embeddings the embeddings, shape (ids.length, dimension)
     * @param thumbnails images of the rows, or null
     * @return the batch
     */
    public static EmbeddingBatch fromNDArray(long[] ids, int[] labels, NDArray embeddings, Thumbnails thumbnails) {
        if (embeddings.getShape().dimension() != 2) {
            throw new IllegalArgumentException("embeddings: expected shape (rows, dimension), got "
                    + embeddings.getShape());
        }
        int dimension = Math.toIntExact(embeddings.getShape().get(1));
        float[] host = embeddings.getDataType() == DataType.FLOAT32
                ? embeddings.toFloatArray()
                : embeddings.toType(DataType.FLOAT32, false).toFloatArray();
        return new EmbeddingBatch(ids, labels, host, dimension, thumbnails);
    }

    /**
     * Returns the number of rows.
     *
     * @return the batch size
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns a copy of one row's vector.
     *
     * @param row the row index
     * @return a new array of {@link #dimension()} values
     */
    public float[] vector(int row) {
        float[] copy = new float[dimension];
        System.arraycopy(vectors, row * dimension, copy, 0, dimension);
        return copy;
    }
}
