package io.hingekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.config.NormalizeType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureScalerTest {

    // three samples, three features; the last one is constant
    private static final float[] TRAIN = {1, 10, 5, 2, 20, 5, 6, 30, 5};

    @TempDir
    Path tmp;

    @Test
    void standardUsesThePopulationDeviationAndScaleOneForConstants() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FeatureScaler scaler = FeatureScaler.fit(NormalizeType.STANDARD, manager.create(TRAIN, new Shape(3, 3)));
            // mean (3, 20, 5); population std: sqrt(14/3), sqrt(200/3), 0 -> 1
            assertArrayEquals(new float[] {3, 20, 5}, scaler.offset(), 1e-6f);
            assertArrayEquals(new float[] {(float) Math.sqrt(14 / 3.0), (float) Math.sqrt(200 / 3.0), 1},
                    scaler.scale(), 1e-5f);
            NDArray scaled = scaler.apply(manager.create(new float[] {3, 20, 9}, new Shape(1, 3)));
            assertArrayEquals(new float[] {0, 0, 4}, scaled.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void minmaxMapsTheTrainingRangeToZeroOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FeatureScaler scaler = FeatureScaler.fit(NormalizeType.MINMAX, manager.create(TRAIN, new Shape(3, 3)));
            NDArray scaled = scaler.apply(manager.create(TRAIN, new Shape(3, 3)));
            assertArrayEquals(new float[] {0, 0, 0, 0.2f, 0.5f, 0, 1, 1, 0}, scaled.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void roundTripsThroughItsFileAndRefusesOtherWidths() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            FeatureScaler scaler = FeatureScaler.fit(NormalizeType.STANDARD,
                    manager.create(TRAIN, new Shape(3, 1, 3)));
            Path file = tmp.resolve("preprocessing.json");
            scaler.write(file);
            FeatureScaler read = FeatureScaler.read(file);
            assertEquals(NormalizeType.STANDARD, read.method());
            assertArrayEquals(scaler.offset(), read.offset(), 0f);
            assertArrayEquals(scaler.scale(), read.scale(), 0f);
            assertArrayEquals(new long[] {1, 3}, read.inputShape());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> read.apply(manager.create(new float[] {1, 2}, new Shape(1, 2))));
            assertTrue(e.getMessage().contains("2 features per sample"), e.getMessage());
        }
    }
}
