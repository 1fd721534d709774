package io.hingekit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class EmbeddingBatchTest {

    @Test
    void copiesAnNDArrayToTheHostAsFloat32(NDManager manager) {
        NDArray embeddings = manager.create(new double[] {0.5, -1, 2, 4, 0.25, -8}, new Shape(2, 3));
        assertEquals(DataType.FLOAT64, embeddings.getDataType());
        EmbeddingBatch batch = EmbeddingBatch.fromNDArray(new long[] {3, 4}, new int[] {1, 0}, embeddings, null);
        assertEquals(3, batch.dimension());
        assertEquals(2, batch.size());
        assertArrayEquals(new float[] {0.5f, -1f, 2f, 4f, 0.25f, -8f}, batch.vectors());
        assertArrayEquals(new float[] {4f, 0.25f, -8f}, batch.vector(1));
    }

    @Test
    void rowCountsMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmbeddingBatch(new long[] {1, 2}, new int[] {0}, new float[4], 2, null));
        assertEquals("labels: 1 labels for 2 ids", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new EmbeddingBatch(new long[] {1, 2}, new int[] {0, 0}, new float[5], 2, null));
        assertEquals("vectors: 5 values, expected 2 rows x 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddingBatch.of(new long[] {1, 2}, new int[] {0, 0}, new float[][] {{1, 2}, {3}}));
        assertEquals("rows: row 1 has dimension 1, row 0 has 2", e.getMessage());
    }
}
