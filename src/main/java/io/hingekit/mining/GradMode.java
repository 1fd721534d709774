package io.hingekit.mining;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Whether the engine is recording gradients, i.e. whether a loss call is a training step inside a
 * {@code GradientCollector} rather than an evaluator or validation pass (DJL evaluates a training batch's loss
 * twice: once recorded, once for the accumulator). PyTorch engine only, like the rest of Hingekit.
 */
final class GradMode {

    private GradMode() {}

    static boolean isRecording() {
        return JniUtils.isGradMode();
    }
}
