package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

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
     * Returns {@code values} with {@code value} wherever {@code mask} is set: {@code where(mask, value, values)}.
     * DJL's {@code where} only broadcasts its second operand, so masking the set entries would cost an extra
     * pass to negate the mask; libtorch's own {@code where} broadcasts a 0-d first operand.
     *
     * @param mask boolean, the shape of {@code values}
     * @param value the fill value (e.g. an infinity)
     * @param values any shape
     * @return the same shape and type as {@code values}
     */
    static NDArray fillWhere(NDArray mask, float value, NDArray values) {
        return JniUtils.where((PtNDArray) mask, (PtNDArray) fill(values, value), (PtNDArray) values);
    }

    /**
     * Returns {@code values} where {@code mask} is set and {@code value} elsewhere: {@code where(mask, values, value)},
     * the mirror of {@link #fillWhere}.
     *
     * @param mask boolean, the shape of {@code values}
     * @param values any shape
     * @param value the fill value (e.g. an infinity)
     * @return the same shape and type as {@code values}
     */
    static NDArray keepWhere(NDArray mask, NDArray values, float value) {
        return NDArrays.where(mask, values, fill(values, value));
    }

    /**
     * Sets the entries (i, i) of a (Q, R) matrix with Q <= R to {@code value}, in place, through the flat view:
     * they sit every R + 1 elements, so this is O(Q), cheaper than masking with an identity matrix.
     *
     * @param matrix shape (Q, R), contiguous
     * @param value the value written
     */
    static void setDiagonal(NDArray matrix, Number value) {
        long references = matrix.getShape().get(1);
        long size = matrix.getShape().size();
        matrix.reshape(-1).set(new NDIndex().addSliceDim(0, size, references + 1), value);
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

    /**
     * Returns the rows {@code matrix[indices[k]]} for every k. An embedding lookup is libtorch's {@code index_select}
     * along the first axis, a row-by-row copy: about twice as fast as {@code get(indices)}, whose advanced indexing
     * visits every element.
     *
     * @param matrix shape (n, m)
     * @param indices int64 row indices, shape (k)
     * @return shape (k, m)
     */
    static NDArray rows(NDArray matrix, NDArray indices) {
        return indices.getNDArrayInternal().embedding(indices, matrix, SparseFormat.DENSE).singletonOrThrow();
    }
}
