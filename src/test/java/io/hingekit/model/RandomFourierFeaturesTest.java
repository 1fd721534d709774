package io.hingekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.nn.Parameter;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import io.hingekit.config.FeatureMapConfig;
import io.hingekit.config.FeatureMapType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The random Fourier map's kernel estimates against scikit-learn's {@code RBFSampler} on the same points
 * (src/test/python/relatives_reference.py), its fixed parameters and its save/load round trip.
 */
@ExtendWith(NDManagerExtension.class)
class RandomFourierFeaturesTest {

    static final double GAMMA = 0.3;
    static final Shape POINTS_SHAPE = new Shape(12, 5);
    /** 12 points in 5 dimensions, as printed by the script. */
    static final float[] POINTS = {2.04f, -2.56f, 0.42f, -0.57f, -0.45f, -0.22f, -2.02f, -0.23f, -0.87f,
        3.32f, 0.23f, -0.35f, -0.28f, -0.67f, -1.06f, -0.39f, 0.48f, -0.24f, 0.96f, -0.20f, 0.02f, 1.55f, 0.55f,
        -0.51f, -0.18f, 0.54f, 1.94f, -0.27f, -0.24f, 1.00f, -0.89f, -0.29f, 0.88f, 0.58f, 0.09f, 0.67f, -2.83f,
        1.02f, -0.96f, -1.67f, 0.28f, 0.70f, -0.44f, -1.08f, 0.03f, -0.05f, 1.41f, 0.75f, 0.19f, 1.11f, -0.21f,
        -0.93f, 0.58f, 0.58f, -0.21f, -0.78f, 0.23f, -2.49f, 0.69f, 0.49f};
    /** RBFSampler, mean over 20 seeds of the mean |z(x).z(y) - k(x, y)| over all pairs; D = 500 and 5000. */
    private static final double SKLEARN_MEAN_ERROR_500 = 0.03349;
    private static final double SKLEARN_MEAN_ERROR_5000 = 0.01063;
    private static final int SEEDS = 20;

    @TestManager
    private NDManager manager;

    private RandomFourierFeatures map(int components, long seed) {
        RandomFourierFeatures map = new RandomFourierFeatures(
                new FeatureMapConfig(FeatureMapType.RFF, GAMMA, components, seed, null));
        map.initialize(manager, DataType.FLOAT32, POINTS_SHAPE);
        return map;
    }

    private float[] features(RandomFourierFeatures map) {
        return map.forward(new ParameterStore(manager, false), new NDList(manager.create(POINTS, POINTS_SHAPE)), false)
                .singletonOrThrow().toFloatArray();
    }

    private double meanKernelError(int components, long seed) {
        float[] z = features(map(components, seed));
        int n = 12;
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < components; k++) {
                    dot += (double) z[i * components + k] * z[j * components + k];
                }
                double distance = 0;
                for (int k = 0; k < 5; k++) {
                    double d = POINTS[i * 5 + k] - POINTS[j * 5 + k];
                    distance += d * d;
                }
                total += Math.abs(dot - Math.exp(-GAMMA * distance));
            }
        }
        return total / (n * n);
    }

    @Test
    void kernelEstimatesAreAsCloseAsScikitLearnsRbfSampler() {
        for (int components : new int[] {500, 5000}) {
            double sum = 0;
            for (long seed = 0; seed < SEEDS; seed++) {
                double error = meanKernelError(components, seed);
                // Monte-Carlo bound: each estimate has standard deviation below 1 / sqrt(D)
                assertTrue(error < 1 / Math.sqrt(components), "D=" + components + " seed " + seed + ": " + error);
                sum += error;
            }
            double reference = components == 500 ? SKLEARN_MEAN_ERROR_500 : SKLEARN_MEAN_ERROR_5000;
            assertEquals(reference, sum / SEEDS, 0.2 * reference, "D=" + components);
        }
    }

    @Test
    void theMapIsFixedAndTheSameForTheSameSeed() {
        RandomFourierFeatures map = map(64, 7);
        for (Pair<String, Parameter> p : map.getParameters()) {
            assertFalse(p.getValue().requiresGradient(), p.getKey() + " must not be trained");
        }
        assertArrayEquals(features(map), features(map(64, 7)));
        assertFalse(java.util.Arrays.equals(features(map), features(map(64, 8))));
    }

    @Test
    void savedParametersReloadIntoTheSameMap() throws Exception {
        RandomFourierFeatures saved = map(64, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        saved.saveParameters(new DataOutputStream(bytes));
        RandomFourierFeatures other = map(64, 99);
        other.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(features(saved), features(other));
        NDArray phases = other.getParameters().get("phases").getArray();
        assertTrue(phases.min().getFloat() >= 0 && phases.max().getFloat() < 2 * Math.PI);
    }
}
