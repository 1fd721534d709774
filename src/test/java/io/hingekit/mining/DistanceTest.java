package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class DistanceTest {

    @TestManager
    private static NDManager manager;

    private static final double[][] QUERIES = {{1, 2, 2}, {0, 0, 0}, {-1, 0.5, 3}};
    private static final double[][] REFERENCES = {{1, 2, 2}, {3, 0, -4}, {0, 0, 1}, {2, 4, 4}};

    private static double[] loop(BiFunction<double[], double[], Double> f) {
        double[] out = new double[QUERIES.length * REFERENCES.length];
        for (int i = 0; i < QUERIES.length; i++) {
            for (int j = 0; j < REFERENCES.length; j++) {
                out[i * REFERENCES.length + j] = f.apply(QUERIES[i], REFERENCES[j]);
            }
        }
        return out;
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return sum;
    }

    private static double[] unit(double[] a) {
        double norm = Math.sqrt(squared(a, new double[a.length]));
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = norm == 0 ? 0 : a[k] / norm;
        }
        return out;
    }

    private static double[] pairwise(Distance distance) {
        NDArray d = distance.pairwise(manager.create(QUERIES), manager.create(REFERENCES));
        assertEquals(DataType.FLOAT64, d.getDataType());
        return d.toDoubleArray();
    }

    @Test
    void euclideanMatchesDirectDifferences() {
        double[] expected = loop((a, b) -> Math.sqrt(squared(a, b)));
        expected[0] = Math.sqrt(Distance.EPSILON); // identical pair: clamped before the square root
        assertArrayEquals(expected, pairwise(new EuclideanDistance()), 1e-12);
    }

    @Test
    void squaredEuclideanMatchesDirectDifferences() {
        assertArrayEquals(loop(DistanceTest::squared), pairwise(new SquaredEuclideanDistance()), 1e-12);
    }

    @Test
    void cosineIsOneMinusCosineSimilarity() {
        double[] expected = loop((a, b) -> {
            double[] u = unit(a);
            double[] v = unit(b);
            return 1 - (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]);
        });
        assertArrayEquals(expected, pairwise(new CosineDistance()), 1e-12);
    }

    @Test
    void normalizedEuclideanWorksOnTheUnitSphere() {
        double[] expected = loop((a, b) -> Math.sqrt(Math.max(Distance.EPSILON, squared(unit(a), unit(b)))));
        assertArrayEquals(expected, pairwise(new NormalizedDistance(new EuclideanDistance())), 1e-6);
    }

    @Test
    void float32MatchesWithinSinglePrecision() {
        NDArray d = new EuclideanDistance().pairwise(
                manager.create(QUERIES).toType(DataType.FLOAT32, false),
                manager.create(REFERENCES).toType(DataType.FLOAT32, false));
        double[] expected = loop((a, b) -> Math.sqrt(squared(a, b)));
        double[] actual = d.toType(DataType.FLOAT64, false).toDoubleArray();
        for (int i = 1; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "entry " + i);
        }
        assertEquals(0, actual[0], 1e-3);
    }
}
