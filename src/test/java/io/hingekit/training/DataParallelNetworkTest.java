package io.hingekit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.tracker.Tracker;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gradient norm and clipping on a linear unit {@code y = w.x + b}, {@code w = (0.5, 0.5)}, {@code b = 0}, loss
 * {@code y} at {@code x = (3, 4)}: the gradients are {@code (3, 4)} and {@code 1}, global norm {@code sqrt(26)}.
 * Plain SGD with learning rate 1 then subtracts the (clipped) gradient, worked by hand.
 */
@ExtendWith(NDManagerExtension.class)
class DataParallelNetworkTest {

    private static final double NORM = Math.sqrt(26);

    @Test
    void gradientNormCoversAllParameters(@TestManager(device = "cpu") NDManager manager) {
        try (SgdOptimizer optimizer = new SgdOptimizer(Tracker.fixed(1f), 0f, 0f)) {
            DataParallelNetwork network = backwardOnce(manager, optimizer);
            assertEquals(NORM, network.gradientNorm(), 1e-5);
        }
    }

    @Test
    void clippingScalesEveryGradientToTheBound(@TestManager(device = "cpu") NDManager manager) {
        try (SgdOptimizer optimizer = new SgdOptimizer(Tracker.fixed(1f), 0f, 0f)) {
            DataParallelNetwork network = backwardOnce(manager, optimizer);
            network.clipGradients(1f);
            assertEquals(1.0, network.gradientNorm(), 1e-5);
            network.step();
            assertArrayEquals(new float[] {(float) (0.5 - 3 / NORM), (float) (0.5 - 4 / NORM)},
                    parameter(network, "weight"), 1e-5f);
            assertArrayEquals(new float[] {(float) (-1 / NORM)}, parameter(network, "bias"), 1e-5f);
        }
    }

    @Test
    void gradientsBelowTheBoundAreLeftAlone(@TestManager(device = "cpu") NDManager manager) {
        try (SgdOptimizer optimizer = new SgdOptimizer(Tracker.fixed(1f), 0f, 0f)) {
            DataParallelNetwork network = backwardOnce(manager, optimizer);
            network.clipGradients(10f);
            network.step();
            assertArrayEquals(new float[] {-2.5f, -3.5f}, parameter(network, "weight"), 1e-6f);
            assertArrayEquals(new float[] {-1f}, parameter(network, "bias"), 1e-6f);
        }
    }

    private static DataParallelNetwork backwardOnce(NDManager manager, SgdOptimizer optimizer) {
        Block block = Linear.builder().setUnits(1).build();
        block.setInitializer(new ConstantInitializer(0.5f), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        DataParallelNetwork network = new DataParallelNetwork(
                block, new Device[] {Device.cpu()}, optimizer, manager);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList output = network.forward(new NDList(manager.create(new float[] {3, 4}, new Shape(1, 2))), true);
            collector.backward(output.singletonOrThrow().sum());
        }
        return network;
    }

    private static float[] parameter(DataParallelNetwork network, String suffix) {
        return network.block().getParameters().stream()
                .filter(p -> p.getKey().endsWith(suffix))
                .findFirst().orElseThrow().getValue().getArray().toFloatArray();
    }
}
