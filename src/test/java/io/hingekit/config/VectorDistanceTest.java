package io.hingekit.config;

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
        assertEquals(VectorDistance.EUCLIDEAN, ConfigWord.parse(VectorDistance.class, "L2"));
        assertEquals(VectorDistance.DOT, ConfigWord.parse(VectorDistance.class, "inner_product"));
        // the config's spelling, and the manifests' older one, name the same distance
        assertEquals("squared-euclidean", VectorDistance.SQUARED_EUCLIDEAN.word());
        assertEquals(VectorDistance.SQUARED_EUCLIDEAN, ConfigWord.parse(VectorDistance.class, "squared_euclidean"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigWord.parse(VectorDistance.class, "manhattan"));
        assertEquals("must be one of euclidean, squared-euclidean, cosine, dot, got 'manhattan'", e.getMessage());
    }
}
