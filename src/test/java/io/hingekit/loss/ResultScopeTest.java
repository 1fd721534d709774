package io.hingekit.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a scope closes and what it keeps, and that a loss call leaves nothing behind but its value. */
@ExtendWith(NDManagerExtension.class)
class ResultScopeTest {

    @Test
    void closesTheArraysMadeInsideExceptTheKeptOnes(NDManager manager) {
        NDArray input = manager.create(new float[] {1, 2, 3});
        NDArray temporary;
        NDArray result;
        try (ResultScope scope = new ResultScope()) {
            temporary = input.mul(2);
            result = scope.keep(temporary.sum());
        }
        assertTrue(temporary.isReleased());
        assertFalse(result.isReleased());
        assertFalse(input.isReleased());
        assertEquals(12f, result.getFloat());
    }

    @Test
    void aKeptResultJoinsTheEnclosingScope(NDManager manager) {
        NDArray input = manager.create(new float[] {1, 2, 3});
        NDArray inner;
        NDArray outer;
        try (ResultScope scope = new ResultScope()) {
            try (ResultScope nested = new ResultScope()) {
                inner = nested.keep(input.add(1));
            }
            assertFalse(inner.isReleased());
            outer = scope.keep(inner.sum());
        }
        assertTrue(inner.isReleased());
        assertEquals(9f, outer.getFloat());
    }

    @Test
    void aHingeLossLeavesOnlyItsValueInTheManager(NDManager manager) {
        NDList binaryLabels = new NDList(manager.create(new float[] {0, 1, 1, 0}));
        NDList binaryScores = new NDList(manager.create(new float[] {0.5f, -0.2f, 2f, -3f}));
        NDList classes = new NDList(manager.create(new long[] {1, 0}));
        NDList classScores = new NDList(manager.create(new float[] {0.5f, 1f, 2f, -1f}, new Shape(2, 2)));
        int inputs = manager.getManagedArrays().size();
        NDArray value = BinaryHingeLoss.builder().build().evaluate(binaryLabels, binaryScores);
        NDArray perSample = MulticlassHingeLoss.builder().variant(MulticlassHingeLoss.Variant.CRAMMER_SINGER).build()
                .perSample(classes, classScores);
        assertEquals(inputs + 2, manager.getManagedArrays().size(), "the inputs, the value and the per-sample losses");
        assertFalse(value.isReleased());
        assertFalse(perSample.isReleased());
    }
}
