package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import io.hingekit.loss.ResultScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared constants and the in-place diagonal, against values written out by hand. */
@ExtendWith(NDManagerExtension.class)
class MaskOpsTest {

    @Test
    void aConstantIsMadeOncePerTypeAndValueAndOutlivesTheScopeThatFirstAskedForIt(NDManager manager) {
        NDArray floats = manager.zeros(new Shape(2, 2), DataType.FLOAT32);
        NDArray doubles = manager.zeros(new Shape(2, 2), DataType.FLOAT64);
        NDArray first;
        try (ResultScope scope = new ResultScope();
                NDManager scratch = manager.newSubManager()) {
            first = MaskOps.fill(scratch.zeros(new Shape(1), DataType.FLOAT32), 0.375f);
        }
        NDArray again = MaskOps.fill(floats, 0.375f);
        assertSame(first, again);
        assertEquals(0.375f, again.getFloat());
        assertEquals(new Shape(), again.getShape());
        NDArray wider = MaskOps.fill(doubles, 0.375f);
        assertNotSame(again, wider);
        assertEquals(DataType.FLOAT64, wider.getDataType());
        assertNotSame(again, MaskOps.fill(floats, -0.375f));
    }

    @Test
    void setDiagonalWritesTheEntriesIIOfAWideMatrixOnly(NDManager manager) {
        NDArray matrix = manager.arange(12f).reshape(3, 4);
        MaskOps.setDiagonal(matrix, -1f);
        assertArrayEquals(new float[] {-1, 1, 2, 3, 4, -1, 6, 7, 8, 9, -1, 11}, matrix.toFloatArray());
        NDArray mask = manager.ones(new Shape(2, 3), DataType.BOOLEAN);
        MaskOps.setDiagonal(mask, 0f);
        assertArrayEquals(new boolean[] {false, true, true, true, false, true}, mask.toBooleanArray());
    }
}
