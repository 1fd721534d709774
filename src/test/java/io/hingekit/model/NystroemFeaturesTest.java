package io.hingekit.model;

import static io.hingekit.model.RandomFourierFeaturesTest.GAMMA;
import static io.hingekit.model.RandomFourierFeaturesTest.POINTS;
import static io.hingekit.model.RandomFourierFeaturesTest.POINTS_SHAPE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.hingekit.Expect;
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
 * The Nyström map on the points of {@link RandomFourierFeaturesTest}: with every point a landmark it reproduces the
 * kernel matrix (as scikit-learn's {@code Nystroem} does, to 2e-15 in float64: src/test/python/relatives_reference.py),
 * its parameters are fixed, and it survives save and load.
 */
@ExtendWith(NDManagerExtension.class)
class NystroemFeaturesTest {

    /** exp(-0.3 |x_0 - x_j|^2), printed by the script. */
    private static final double[] KERNEL_ROW_0 = {1.000000, 0.002388, 0.066557, 0.004536, 0.001800, 0.000523,
        0.009381, 0.305719, 0.011259, 0.000935, 0.064730, 0.000335};

    @TestManager
    private NDManager manager;

    private NystroemFeatures fitted(int components, long seed) {
        NystroemFeatures map = new NystroemFeatures(new FeatureMapConfig(FeatureMapType.NYSTROEM, GAMMA, components,
                seed, null));
        map.initialize(manager, DataType.FLOAT32, POINTS_SHAPE);
        map.fit(manager.create(POINTS, POINTS_SHAPE));
        return map;
    }

    private float[] features(NystroemFeatures map) {
        return map.forward(new ParameterStore(manager, false), new NDList(manager.create(POINTS, POINTS_SHAPE)), false)
                .singletonOrThrow().toFloatArray();
    }

    @Test
    void everyPointALandmarkReproducesTheKernelMatrix() {
        float[] z = features(fitted(12, 5));
        assertDotProductsAreTheKernel(z, POINTS);
        for (int j = 0; j < 12; j++) {
            double dot = 0;
            for (int k = 0; k < 12; k++) {
                dot += (double) z[k] * z[j * 12 + k];
            }
            assertEquals(KERNEL_ROW_0[j], dot, 2e-4, "k(0, " + j + ") against scikit-learn");
        }
    }

    /**
     * Asserts that the dot products of 12 mapped points ({@code z}, 12 × 12) equal {@code exp(-GAMMA |x_i - x_j|²)}
     * of the 12 points they came from ({@code points}, 12 × 5), computed here by a loop.
     */
    static void assertDotProductsAreTheKernel(float[] z, float[] points) {
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                double dot = 0;
                double distance = 0;
                for (int k = 0; k < 12; k++) {
                    dot += (double) z[i * 12 + k] * z[j * 12 + k];
                }
                for (int k = 0; k < 5; k++) {
                    double d = points[i * 5 + k] - points[j * 5 + k];
                    distance += d * d;
                }
                assertEquals(Math.exp(-GAMMA * distance), dot, 2e-4, "k(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void parametersAreFixedAndSurviveSaveAndLoad() throws Exception {
        NystroemFeatures saved = fitted(6, 1);
        for (Pair<String, Parameter> p : saved.getParameters()) {
            assertFalse(p.getValue().requiresGradient(), p.getKey());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        saved.saveParameters(new DataOutputStream(bytes));
        NystroemFeatures other =
                new NystroemFeatures(new FeatureMapConfig(FeatureMapType.NYSTROEM, GAMMA, 6, 1L, null));
        other.initialize(manager, DataType.FLOAT32, POINTS_SHAPE);
        other.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(features(saved), features(other));
    }

    @Test
    void moreLandmarksThanSamplesAreRefused() {
        NystroemFeatures map = new NystroemFeatures(new FeatureMapConfig(FeatureMapType.NYSTROEM, GAMMA, 13, 0L, null));
        map.initialize(manager, DataType.FLOAT32, POINTS_SHAPE);
        Expect.rejects(IllegalArgumentException.class, () -> map.fit(manager.create(POINTS, POINTS_SHAPE)),
                "components", "12 training samples");
    }
}
