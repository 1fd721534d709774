package io.hingekit.mining;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small array helpers for masked reductions. */
final class MaskOps {

    /** The constants {@link #fill} hands out, by device, data type and value, each made once per process. */
    private static final Map<List<Object>, NDArray> CONSTANTS = new ConcurrentHashMap<>();

    /** One manager per device for the constants, never closed: they live as long as the process. */
    private static final Map<Device, NDManager> CONSTANT_MANAGERS = new ConcurrentHashMap<>();

    private MaskOps() {}

    /**
     * Returns a 0-d array holding {@code value} in the data type and on the device of {@code like}, to broadcast
     * as an operand. It is shared and made once per process, because DJL makes a new tensor for every call's
     * constant (about 10 us through {@code full}, 20 us for a Java number operand, against 8 us for a whole
     * elementwise pass over 256 x 128 values): read it, never modify or close it.
     *
     * @param like the array whose type and device to use
     * @param value the constant (e.g. an infinity)
     * @return a shared scalar array
     */
    static NDArray fill(NDArray like, float value) {
        Device device = like.getDevice();
        DataType type = like.getDataType();
        return CONSTANTS.computeIfAbsent(
                List.of(device, type, Float.floatToIntBits(value)), key -> constant(device, type, value));
    }

    private static NDArray constant(Device device, DataType type, float value) {
        NDArray constant = CONSTANT_MANAGERS.computeIfAbsent(device, NDManager::newBaseManager)
                .full(new Shape(), value, type);
        // made inside whatever scope the first caller has open, which must not close it
        NDScope.unregister(constant);
        return constant;
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
     * Writes {@code value} into {@code values} wherever {@code mask} is set, in place ({@code masked_fill_}), and
     * returns {@code values}: the {@link #fillWhere} of an array nobody else reads. Large temporaries are costly
     * here beyond their pass: glibc hands freed blocks of the JVM's threads back to the system and faults them in
     * again on the next call (the pair rows of semi-hard mining at B = 256, 1.8 MB: about 950 against 400 us).
     *
     * @param mask boolean, the shape of {@code values} (or broadcastable to it)
     * @param value the fill value (e.g. an infinity)
     * @param values an array this caller owns; it is modified
     * @return {@code values}
     */
    static NDArray fillWhereInPlace(NDArray mask, float value, NDArray values) {
        JniUtils.booleanMaskSet((PtNDArray) values, (PtNDArray) fill(values, value), (PtNDArray) mask);
        return values;
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
     * they sit every R + 1 elements, so this is O(Q), cheaper than masking with an identity matrix. One strided
     * {@code index_put_} with the shared constant; DJL's {@code set(NDIndex, Number)} would first make, reshape and
     * broadcast a value tensor (about 50 against 35 us on 256 x 256).
     *
     * @param matrix shape (Q, R), contiguous
     * @param value the value written (for a boolean matrix, 0 or 1)
     */
    static void setDiagonal(NDArray matrix, float value) {
        long references = matrix.getShape().get(1);
        long size = matrix.getShape().size();
        JniUtils.indexSet((PtNDArray) matrix.reshape(-1), (PtNDArray) fill(matrix, value),
                new long[] {0}, new long[] {size}, new long[] {references + 1});
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
        // the row length as a shared constant (exact in the float it is made from up to 2^24 columns)
        return matrix.reshape(-1).take(rows.mul(fill(rows, matrix.getShape().get(1))).add(columns));
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
