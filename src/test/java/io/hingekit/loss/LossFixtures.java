package io.hingekit.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.function.Function;

/** Inputs shared with src/test/python/loss_reference.py, and checks the loss tests share. */
final class LossFixtures {

    /** Multi-class scores (5, 4), as SCORES in loss_reference.py. */
    static final double[] SCORES = {
        0.20, -0.50, 1.30, 0.70,
        1.10, 0.40, -0.30, 0.90,
        -0.80, 0.60, 0.10, 0.55,
        0.00, 0.25, -1.20, 2.10,
        0.45, 0.45, 0.30, -0.60,
    };
    static final Shape SCORES_SHAPE = new Shape(5, 4);
    static final long[] LABELS = {2, 0, 3, 1, 0};
    static final float[] CLASS_WEIGHTS = {0.5f, 1.0f, 2.0f, 1.5f};
    static final double[] SAMPLE_WEIGHTS = {1.0, 0.5, 2.0, 0.0, 3.0};

    static final double[] BINARY_SCORES = {0.80, -0.30, 1.70, -1.20, 0.05, 0.40};
    static final long[] BINARY_LABELS_01 = {1, 0, 1, 0, 0, 1};

    /** Agreement asked of float32 against float64 reference values. */
    static final double TOLERANCE = 1e-5;
    /** Central-difference step for float64 gradient checks. */
    private static final double STEP = 1e-6;
    /** Agreement asked of autograd gradients against central differences. */
    static final double GRADIENT_TOLERANCE = 1e-8;

    private LossFixtures() {}

    static NDArray scores(NDManager manager, DataType dataType) {
        return manager.create(SCORES, SCORES_SHAPE).toType(dataType, false);
    }

    static NDArray labels(NDManager manager) {
        return manager.create(LABELS);
    }

    static void assertValues(double[] expected, NDArray actual) {
        double[] values = actual.toType(DataType.FLOAT64, false).toDoubleArray();
        assertEquals(expected.length, values.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], values[i], TOLERANCE, "element " + i);
        }
    }

    static void assertScalar(double expected, NDArray actual) {
        assertEquals(0, actual.getShape().dimension(), "a scalar");
        assertEquals(expected, actual.toType(DataType.FLOAT64, false).getDouble(), TOLERANCE);
    }

    /**
     * Checks the autograd gradient of {@code loss} at {@code x} (float64) against central finite differences,
     * one element at a time.
     */
    static void assertGradientMatchesFiniteDifferences(
            NDManager manager, double[] x, Shape shape, Function<NDArray, NDArray> loss) {
        NDArray point = manager.create(x, shape);
        point.setRequiresGradient(true);
        double[] analytic;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(loss.apply(point));
            analytic = point.getGradient().toDoubleArray();
        }
        assertTrue(Arrays.stream(analytic).anyMatch(g -> g != 0), "some gradient is non-zero");
        for (int k = 0; k < x.length; k++) {
            double numeric = (valueAt(manager, x, shape, k, STEP, loss) - valueAt(manager, x, shape, k, -STEP, loss))
                    / (2 * STEP);
            assertEquals(numeric, analytic[k], GRADIENT_TOLERANCE, "gradient element " + k);
        }
    }

    private static double valueAt(
            NDManager manager, double[] x, Shape shape, int k, double step, Function<NDArray, NDArray> loss) {
        double[] moved = x.clone();
        moved[k] += step;
        try (NDManager scratch = manager.newSubManager()) {
            return loss.apply(scratch.create(moved, shape)).getDouble();
        }
    }

    static NDList list(NDArray... arrays) {
        return new NDList(arrays);
    }
}
