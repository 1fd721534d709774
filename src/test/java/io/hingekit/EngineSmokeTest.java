package io.hingekit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class EngineSmokeTest {
    @Test
    void pytorchEngineLoadsOffline(NDManager manager) {
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
        NDArray a = manager.create(new float[] {1, 2, 3});
        assertEquals(14f, a.mul(a).sum().getFloat(), 1e-6);
    }
}
