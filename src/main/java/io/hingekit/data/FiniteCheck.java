package io.hingekit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Rejects data holding NaN or infinite values when it is loaded, naming the first offending row. */
public final class FiniteCheck {

    private FiniteCheck() {}

    /**
     * Throws when {@code array} holds a NaN or infinite value.
     *
     * @param array the array to check, first axis = row
     * @param what what the array is, for the message
     * @throws IllegalArgumentException naming the first row with a non-finite value
     */
    public static void requireFinite(NDArray array, String what) {
        if (!array.getDataType().isFloating()) {
            return;
        }
        NDArray bad = array.isNaN().logicalOr(array.isInfinite());
        if (bad.any().getBoolean()) {
            NDArray perRow = bad.reshape(array.getShape().get(0), -1).countNonzero(1).gt(0);
            long row = perRow.toType(DataType.INT32, false).argMax().getLong();
            throw new IllegalArgumentException(what + " contain NaN or infinite values (first at row " + row + ")");
        }
    }
}
