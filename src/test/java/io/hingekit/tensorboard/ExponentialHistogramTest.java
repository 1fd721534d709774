package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import io.hingekit.tensorboard.proto.HistogramProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class ExponentialHistogramTest {

    /** Printed by src/test/python/tf_histogram_reference.py. */
    private static final double[][] PYTHON_ENCODED = {
        {-1.7976931348623157e+308, 0.0}, {-9.920775621859783e+19, 1.0}, {-3.8315657995195243, 0.0},
        {-3.48324163592684, 1.0}, {-1.0089710279437536, 0.0}, {-0.917246389039776, 1.0}, {-1e-12, 0.0},
        {0.0, 1.0}, {1e-12, 4.0}, {2.4046344822914135e-07, 0.0}, {2.645097930520555e-07, 1.0},
        {0.47069243095356195, 0.0}, {0.5177616740489182, 1.0}, {0.917246389039776, 0.0},
        {1.0089710279437536, 2.0}, {1.109868130738129, 1.0}, {6.7878525393626115, 0.0},
        {7.466637793298873, 1.0}, {972816040972769.2, 0.0}, {1070097645070046.2, 1.0},
        {2.873695317012866e+19, 0.0}, {3.1610648487141528e+19, 1.0}, {9.920775621859783e+19, 0.0},
        {1.7976931348623157e+308, 1.0},
    };

    private static final float[] PYTHON_VALUES = {
        -1e25f, -3.5f, -1.0f, -1e-13f, 0.0f, -0.0f, 1e-13f, 1e-12f, 2.5e-7f, 0.5f, 1.0f, 1.0f, 1.1f, 7.25f, 1e15f,
        3e19f, 5e22f,
    };

    @Test
    void bucketLimitsMatchTensorFlowDefaultsRecordedInPython() {
        double[] limits = ExponentialHistogram.bucketLimits();
        assertEquals(1551, limits.length);
        int zero = 775;
        assertEquals(-Double.MAX_VALUE, limits[0]);
        assertEquals(0.0, limits[zero]);
        assertEquals(Double.MAX_VALUE, limits[1550]);
        assertEquals(1e-12, limits[zero + 1]);
        assertEquals(1.1000000000000002e-12, limits[zero + 2]);
        assertEquals(1.3780612339822385e-08, limits[zero + 1 + 100]);
        assertEquals(1.0089710279437536, limits[zero + 1 + 290]);
        assertEquals(9.920775621859783e+19, limits[zero + 1 + 773]);
        assertEquals(-9.920775621859783e+19, limits[1]);
        assertEquals(-1e-12, limits[zero - 1]);
    }

    @Test
    void encodingMatchesPythonReference() {
        HistogramProto h = ExponentialHistogram.of(PYTHON_VALUES).proto();
        assertEquals(PYTHON_ENCODED.length, h.getBucketCount());
        for (int i = 0; i < PYTHON_ENCODED.length; i++) {
            assertEquals(PYTHON_ENCODED[i][0], h.getBucketLimit(i), "limit " + i);
            assertEquals(PYTHON_ENCODED[i][1], h.getBucket(i), "count " + i);
        }
        assertEquals(-9.999999562023526e+24, h.getMin());
        assertEquals(4.999999889098154e+22, h.getMax());
        assertEquals(17, h.getNum());
        assertEquals(-9.949969562131504e+24, h.getSum(), 1e-12 * 1e25);
        assertEquals(1.000024912412598e+50, h.getSumSquares(), 1e-12 * 1e50);
    }

    @Test
    void deviceBucketingMatchesSlowUpperBoundLoop(NDManager manager) {
        double[] limits = slowLimits();
        List<Double> values = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 20000; i++) {
            values.add(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
        }
        for (double extreme : new double[] {1e300, -1e300, 1e-300, -1e-300, Double.MIN_VALUE, 3.5e38, -0.0}) {
            values.add(extreme);
        }
        for (int k = 1; k < limits.length - 1; k += 37) {
            values.add(limits[k]);
            values.add(Math.nextUp(limits[k]));
            values.add(Math.nextDown(limits[k]));
        }
        double[] input = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] expected = new double[limits.length];
        for (double v : input) {
            expected[upperBound(limits, v)]++;
        }
        HistogramProto h = ExponentialHistogram.of(manager.create(input)).proto();
        assertMatches(limits, expected, h);
        assertEquals(input.length, h.getNum());
    }

    @Test
    void floatArrayPathMatchesSlowLoopOnAnyShape(NDManager manager) {
        double[] limits = slowLimits();
        Random random = new Random(11);
        float[] input = new float[3000];
        double[] expected = new double[limits.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (random.nextGaussian() * 3);
            expected[upperBound(limits, input[i])]++;
        }
        NDArray matrix = manager.create(input, new Shape(30, 100));
        assertMatches(limits, expected, ExponentialHistogram.of(matrix).proto());
        assertEquals(new Shape(30, 100), matrix.getShape(), "input left unchanged");
        assertMatches(limits, expected, ExponentialHistogram.of(input).proto());
    }

    @Test
    void nonFiniteValuesAreCountedApartAndLeftOutOfBuckets() {
        float[] input = {1f, Float.NaN, -2f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 4f};
        ExponentialHistogram result = ExponentialHistogram.of(input);
        HistogramProto h = result.proto();
        assertEquals(3, result.nonFiniteCount());
        assertEquals(3, h.getNum());
        assertEquals(-2, h.getMin());
        assertEquals(4, h.getMax());
        assertEquals(3, h.getSum());
        assertEquals(21, h.getSumSquares());
        assertEquals(3, h.getBucketList().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    void emptyAndAllNonFiniteInputsGiveOneEmptyBucket() {
        for (float[] input : new float[][] {{}, {Float.NaN, Float.NaN}}) {
            ExponentialHistogram result = ExponentialHistogram.of(input);
            assertEquals(input.length, result.nonFiniteCount());
            assertEquals(0, result.proto().getNum());
            assertArrayEquals(new Object[] {Double.MAX_VALUE}, result.proto().getBucketLimitList().toArray());
            assertArrayEquals(new Object[] {0.0}, result.proto().getBucketList().toArray());
        }
    }

    /** Every non-empty reference bucket appears with its exact limit and count; nothing else is counted. */
    private static void assertMatches(double[] limits, double[] expected, HistogramProto h) {
        int entry = 0;
        for (int i = 0; i < limits.length; i++) {
            if (expected[i] == 0) {
                continue;
            }
            while (h.getBucketLimit(entry) < limits[i]) {
                assertEquals(0, h.getBucket(entry), "unexpected count below limit " + limits[i]);
                entry++;
            }
            assertEquals(limits[i], h.getBucketLimit(entry));
            assertEquals(expected[i], h.getBucket(entry), "count of bucket ending at " + limits[i]);
            entry++;
        }
        double total = h.getBucketList().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(java.util.Arrays.stream(expected).sum(), total);
        for (int i = 1; i < h.getBucketLimitCount(); i++) {
            assertTrue(h.getBucketLimit(i) > h.getBucketLimit(i - 1));
        }
    }

    private static double[] slowLimits() {
        List<Double> positive = new ArrayList<>();
        for (double v = 1e-12; v < 1e20; v *= 1.1) {
            positive.add(v);
        }
        List<Double> all = new ArrayList<>();
        all.add(-Double.MAX_VALUE);
        for (int i = positive.size() - 1; i >= 0; i--) {
            all.add(-positive.get(i));
        }
        all.add(0.0);
        all.addAll(positive);
        all.add(Double.MAX_VALUE);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Index of the first limit greater than v, by a linear scan. */
    private static int upperBound(double[] limits, double v) {
        int i = 0;
        while (i < limits.length && limits[i] <= v) {
            i++;
        }
        return i;
    }
}
