package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Shape and value checks shared by the hinge losses, each failing with an IllegalArgumentException that names it. */
final class LossInputs {

    private LossInputs() {}

    /**
     * Returns {@code array} as shape (N), accepting (N) or (N, 1).
     *
     * @param what the input's name for the error message, e.g. "labels"
     */
    static NDArray column(NDArray array, long n, String what) {
        Shape shape = array.getShape();
        boolean vector = shape.dimension() == 1 || (shape.dimension() == 2 && shape.get(1) == 1);
        if (!vector || shape.get(0) != n) {
            throw new IllegalArgumentException(
                    what + " must have shape (" + n + ") or (" + n + ", 1) to match the scores, got " + shape);
        }
        return array.reshape(n);
    }

    /**
     * Fails when any element of {@code bad} is true, naming how many and the first offending value. Reads one
     * boolean back from the device (a host sync), and the offending values only when there are any.
     */
    static void requireNone(NDArray bad, NDArray values, String what, String problem) {
        if (!bad.any().getBoolean()) {
            return;
        }
        long count = bad.countNonzero().toType(DataType.INT64, false).getLong();
        Number first = values.booleanMask(bad).toArray()[0];
        throw new IllegalArgumentException(count + " " + what + "(s) " + problem + "; first: " + first);
    }

    /** Multiplies per-sample losses (N) by the optional sample weights {@code labels.get(1)}, checked when asked. */
    static NDArray weightBySample(NDArray perSample, NDList labels, boolean validate) {
        if (labels.size() < 2) {
            return perSample;
        }
        NDArray weights = column(labels.get(1), perSample.size(), "sample weights");
        if (validate) {
            requireNone(weights.lt(0).logicalOr(weights.isNaN()), weights, "sample weight", "negative or NaN");
        }
        return perSample.mul(weights.toType(perSample.getDataType(), false));
    }
}
