package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Small array helpers for masked reductions. */
final class MaskOps {

    private MaskOps() {}

    /**
     * Returns a 0-d array holding {@code value} in the data type of {@code like}, to broadcast in a {@code where}.
     *
     * @param like the array whose type and manager to use
     * @param value the fill value (e.g. an infinity)
     * @return a scalar array
     */
    static NDArray fill(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /**
     * Returns {@code max(values, floor)} elementwise. The {@code maximum} of a 0-d array is a plain binary kernel;
     * DJL's {@code clip(min, max)} goes through the broadcasting tensor-bounds clamp, about ten times slower on a
     * 256 x 256 matrix.
     *
     * @param values any shape
     * @param floor the smallest value kept
     * @return the same shape and type
     */
    static NDArray atLeast(NDArray values, float floor) {
        return values.maximum(fill(values, floor));
    }

    /**
     * Tells, per row of a boolean mask, whether any entry is set.
     *
     * @param mask shape (n, m)
     * @return boolean, shape (n)
     */
    static NDArray hasAny(NDArray mask) {
        return mask.countNonzero(1).gt(0);
    }

    /**
     * Reads {@code matrix[rows[k], columns[k]]} for every k through the flat view, which costs less per call than
     * advanced indexing.
     *
     * @param matrix shape (n, m)
     * @param rows int64 row indices, shape (k)
     * @param columns int64 column indices, shape (k)
     * @return shape (k)
     */
    static NDArray entries(NDArray matrix, NDArray rows, NDArray columns) {
        return matrix.reshape(-1).take(rows.mul(matrix.getShape().get(1)).add(columns));
    }
}
