package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
    /** Binary scores as shape (N), accepting (N) or (N, 1). */
    static NDArray binaryScores(NDArray scores) {
        Shape shape = scores.getShape();
        if (shape.dimension() == 1) {
            return scores;
        }
        if (shape.dimension() == 2 && shape.get(1) == 1) {
            return scores.reshape(shape.get(0));
        }
        throw new IllegalArgumentException("binary scores must have shape (N) or (N, 1), got " + shape);
    }

    /** Whether scores are one per sample, shape (N) or (N, 1), rather than (N, C) with C &gt;= 2. */
    static boolean isBinary(NDArray scores) {
        Shape shape = scores.getShape();
        return shape.dimension() == 1 || shape.dimension() == 2 && shape.get(1) == 1;
    }

    /** Multi-class scores, checked to have shape (N, C) with C &gt;= 2. */
    static NDArray multiclassScores(NDArray scores) {
        Shape shape = scores.getShape();
        if (shape.dimension() != 2 || shape.get(1) < 2) {
            throw new IllegalArgumentException("multi-class scores must have shape (N, C) with C >= 2, got " + shape);
        }
        return scores;
    }

    /**
     * Binary labels as -1/+1 in the scores' data type, shape (N); a batch whose labels are all 0 or 1 is read as
     * 0 = -1, 1 = +1.
     *
     * @param labels the labels (N) or (N, 1)
     * @param scores the binary scores (N)
     * @param validate whether to check that every label is -1/+1 (or the batch is all 0/1): one host sync
     */
    static NDArray signedLabels(NDArray labels, NDArray scores, boolean validate) {
        NDArray raw = column(labels, scores.size(), "labels");
        NDArray asScores = raw.toType(scores.getDataType(), false);
        NDArray allZeroOne = asScores.eq(0).logicalOr(asScores.eq(1)).all().broadcast(asScores.getShape());
        NDArray signed = NDArrays.where(allZeroOne, asScores.mul(2).sub(1), asScores);
        if (validate) {
            checkSigned(signed, asScores, raw);
        }
        return signed;
    }

    /** One host sync when the labels are valid; on failure, names the value and which rule it broke. */
    private static void checkSigned(NDArray signed, NDArray values, NDArray labels) {
        NDArray notSigned = signed.abs().neq(1);
        if (!notSigned.any().getBoolean()) {
            return;
        }
        NDArray foreign = values.neq(-1).logicalAnd(values.neq(0)).logicalAnd(values.neq(1));
        requireNone(foreign, labels, "binary label", "not in {-1, +1} or {0, 1}");
        requireNone(notSigned, labels, "binary label",
                "0 in a batch that also holds -1 (0/1 labels are converted only when every label is 0 or 1)");
    }

    /**
     * Class labels as one-hot rows (N, C).
     *
     * @param labels class indices (N) or (N, 1)
     * @param n the number of samples the scores hold
     * @param numClasses C
     * @param dataType the data type of the result
     * @param validate whether to check that every label is an integer in [0, C): one host sync
     */
    static NDArray oneHotLabels(NDArray labels, long n, int numClasses, DataType dataType, boolean validate) {
        NDArray raw = column(labels, n, "labels");
        if (validate) {
            NDArray values = raw.toType(DataType.FLOAT64, false);
            NDArray bad = values.lt(0).logicalOr(values.gte(numClasses)).logicalOr(values.neq(values.floor()));
            requireNone(bad, raw, "class label", "not an integer in the class range [0, " + numClasses + ")");
        }
        return raw.toType(DataType.INT64, false).oneHot(numClasses, dataType);
    }

    /** Class labels as one-hot rows shaped like multi-class scores (N, C), in their data type. */
    static NDArray oneHotLabels(NDArray labels, NDArray scores, boolean validate) {
        Shape shape = scores.getShape();
        return oneHotLabels(labels, shape.get(0), Math.toIntExact(shape.get(1)), scores.getDataType(), validate);
    }
}
