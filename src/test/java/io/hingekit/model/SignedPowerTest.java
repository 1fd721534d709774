package io.hingekit.model;

import static io.hingekit.model.RandomFourierFeaturesTest.GAMMA;
import static io.hingekit.model.RandomFourierFeaturesTest.POINTS;
import static io.hingekit.model.RandomFourierFeaturesTest.POINTS_SHAPE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import io.hingekit.config.FeatureMapConfig;
import io.hingekit.config.FeatureMapType;
import io.hingekit.config.HeadType;
import io.hingekit.config.ModelConfig;
import io.hingekit.config.ModelType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signed power against hand-computed values, and a network with {@code inputPower} whose Nyström map (all points
 * as landmarks, so exact) reproduces the RBF kernel of the square roots, computed here by a loop.
 */
@ExtendWith(NDManagerExtension.class)
class SignedPowerTest {

    @TestManager
    private NDManager manager;

    @Test
    void squareAndCubeRootsKeepTheSign() {
        float[] roots = new SignedPower(0.5).apply(manager.create(new float[] {-4f, 0f, 0.25f, 9f})).toFloatArray();
        assertArrayEquals(new float[] {-2f, 0f, 0.5f, 3f}, roots, 1e-6f);
        float[] cubes = new SignedPower(1.0 / 3).apply(manager.create(new float[] {8f, -27f})).toFloatArray();
        assertArrayEquals(new float[] {2f, -3f}, cubes, 1e-5f);
    }

    @Test
    void aPowerOfZeroIsRefused() {
        Expect.rejects(IllegalArgumentException.class, () -> new SignedPower(0), "inputPower");
    }

    @Test
    void theNetworksMapSeesTheRootsInFittingAndInForward() {
        float[] nonNegative = new float[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            nonNegative[i] = Math.abs(POINTS[i]);
        }
        FeatureMapConfig map = new FeatureMapConfig(FeatureMapType.NYSTROEM, GAMMA, 12, 0L, 0.5);
        Block network = Networks.build(new ModelConfig(ModelType.LINEAR, null, HeadType.HINGE, null, null, map), 3);
        network.initialize(manager, DataType.FLOAT32, POINTS_SHAPE);
        Networks.fitToData(network, manager.create(nonNegative, POINTS_SHAPE));
        List<Block> blocks = List.copyOf(network.getChildren().values());
        assertEquals(SignedPower.class, blocks.get(1).getClass());
        NDList seen = new NDList(manager.create(nonNegative, POINTS_SHAPE));
        for (Block block : blocks.subList(0, 3)) {
            seen = block.forward(new ParameterStore(manager, false), seen, false);
        }
        float[] roots = new float[nonNegative.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = (float) Math.sqrt(nonNegative[i]);
        }
        NystroemFeaturesTest.assertDotProductsAreTheKernel(seen.singletonOrThrow().toFloatArray(), roots);
    }
}
