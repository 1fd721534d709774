package io.hingekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorDistanceTest {

    private static final float[] A = {3f, 0f};
    private static final float[] B = {0f, 4f};

    @Test
    void distancesByHand() {
        assertEquals(5f, VectorDistance.EUCLIDEAN.between(A, B));
        assertEquals(25f, VectorDistance.SQUARED_EUCLIDEAN.between(A, B));
        assertEquals(1f, VectorDistance.COSINE.between(A, B)); // orthogonal: 1 - 0
        assertEquals(-12f, VectorDistance.DOT.between(new float[] {1, 2}, new float[] {2, 5}));
    }

    @Test
    void namesAndAliasesParse() {
        assertEquals(VectorDistance.EUCLIDEAN, VectorDistance.fromName("L2"));
        assertEquals(VectorDistance.DOT, VectorDistance.fromName("inner_product"));
        assertEquals("squared_euclidean", VectorDistance.SQUARED_EUCLIDEAN.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VectorDistance.fromName("manhattan"));
        assertTrue(e.getMessage().startsWith("distance: unknown name 'manhattan'"), e.getMessage());
    }
}
