package io.hingekit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import io.hingekit.NDManagerExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Expected weights from src/test/python/optimizer_reference.py (torch.optim.SGD and torch.optim.Adam). */
@ExtendWith(NDManagerExtension.class)
class OptimizerTest {

    private static final double[] W0 = {0.5, -1.0, 2.0, 0.25};
    private static final double[][] G = {{0.1, -0.2, 0.3, 0.0}, {-0.5, 0.4, 0.2, 1.0}, {0.05, 0.05, -0.3, 0.7}};

    private static double[] run(StatefulOptimizer optimizer, NDManager manager) {
        try (optimizer) {
            NDArray w = manager.create(W0, new Shape(2, 2));
            for (int step = 0; step < G.length; step++) {
                optimizer.setStep(step + 1);
                optimizer.update("w", w, manager.create(G[step], new Shape(2, 2)));
            }
            return w.toDoubleArray();
        }
    }

    @Test
    void sgdWithMomentumAndWeightDecayMatchesTorch(NDManager manager) {
        double[] w = run(new SgdOptimizer(Tracker.fixed(0.1f), 0.9f, 0.01f), manager);
        assertArrayEquals(new double[] {0.5600853895, -1.021230779, 1.899623568, -0.0113013003}, w, 1e-6);
    }

    @Test
    void adamWithWeightDecayMatchesTorch(NDManager manager) {
        double[] w = run(new AdamOptimizer(Tracker.fixed(0.01f), 0.01f), manager);
        assertArrayEquals(new double[] {0.4997266335, -0.9965545491, 1.9779010618, 0.2241544077}, w, 1e-6);
    }

    /** The scheduled runs of the script: learning rate times 1, 0.5, 0.2 at steps 1, 2, 3. */
    private static Tracker scheduled(float base) {
        float[] factors = {1f, 0.5f, 0.2f};
        return update -> base * factors[update];
    }

    @Test
    void sgdFollowsAChangingLearningRateAsTorchDoes(NDManager manager) {
        double[] w = run(new SgdOptimizer(scheduled(0.1f), 0.9f, 0.01f), manager);
        assertArrayEquals(new double[] {0.5156392339, -0.9934844679, 1.9390892368, 0.1673872675}, w, 1e-6);
    }

    @Test
    void adamFollowsAChangingLearningRateAsTorchDoes(NDManager manager) {
        double[] w = run(new AdamOptimizer(scheduled(0.01f), 0.01f), manager);
        assertArrayEquals(new double[] {0.4937124528, -0.992324399, 1.9846588465, 0.2345934896}, w, 1e-6);
    }

    @Test
    void savedStateContinuesExactlyInAFreshOptimizer(NDManager manager) throws Exception {
        check(() -> new SgdOptimizer(Tracker.fixed(0.1f), 0.9f, 0.01f), manager);
        check(() -> new AdamOptimizer(Tracker.fixed(0.01f), 0.01f), manager);
        check(() -> new SgdOptimizer(scheduled(0.1f), 0.9f, 0.01f), manager);
    }

    private static void check(Supplier<StatefulOptimizer> factory, NDManager manager) throws Exception {
        double[] uninterrupted = run(factory.get(), manager);
        NDArray w = manager.create(W0, new Shape(2, 2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StatefulOptimizer first = factory.get()) {
            for (int step = 0; step < 2; step++) {
                first.setStep(step + 1);
                first.update("id-before", w, manager.create(G[step], new Shape(2, 2)));
            }
            first.save(new DataOutputStream(bytes), Map.of("id-before", "layer_weight"), manager.getDevice());
        }
        try (StatefulOptimizer second = factory.get()) {
            second.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                    Map.of("layer_weight", "id-after"), manager.getDevice());
            second.setStep(3);
            second.update("id-after", w, manager.create(G[2], new Shape(2, 2)));
        }
        assertArrayEquals(uninterrupted, w.toDoubleArray(), 1e-12);
    }

    @Test
    void stateOfAnotherOptimizerIsRefused(NDManager manager) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SgdOptimizer sgd = new SgdOptimizer(Tracker.fixed(0.1f), 0.9f, 0)) {
            sgd.save(new DataOutputStream(bytes), Map.of(), manager.getDevice());
        }
        try (AdamOptimizer adam = new AdamOptimizer(Tracker.fixed(0.1f), 0)) {
            assertThrows(java.io.IOException.class, () -> adam.load(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), Map.of(),
                    manager.getDevice()));
        }
    }

    @Test
    void badHyperparametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SgdOptimizer(Tracker.fixed(0.1f), 1.5f, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdamOptimizer(Tracker.fixed(0.1f), -1));
    }
}
