package io.hingekit.training;

import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.tracker.Tracker;

/**
 * Adam with bias correction, as {@code torch.optim.Adam} (L2 weight decay added to the gradient):
 * {@code m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; w -= lr * m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps)}.
 *
 * <p>It runs as DJL's fused kernel {@code w -= m * a / (sqrt(v) + e)}, which is the same update with
 * {@code a = lr * sqrt(1-b2^t) / (1-b1^t)} and {@code e = eps * sqrt(1-b2^t)}; the state (m, v) is PyTorch's.
 */
public final class AdamOptimizer extends StatefulOptimizer {

    /** Default decay of the first moment. */
    public static final float BETA1 = 0.9f;
    /** Default decay of the second moment. */
    public static final float BETA2 = 0.999f;
    /** Default stabiliser. */
    public static final float EPSILON = 1e-8f;

    /**
     * Creates the optimizer with the default betas and epsilon.
     *
     * @param learningRate the learning rate by step
     * @param weightDecay the L2 penalty coefficient
     */
    public AdamOptimizer(Tracker learningRate, float weightDecay) {
        super(learningRate, weightDecay);
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    protected void apply(PtNDArray weight, PtNDArray grad, PtNDArray[] slots, float weightDecay, long step) {
        float lr = learningRateAt(step);
        double meanCorrection = 1 - Math.pow(BETA1, step);
        double varianceRoot = Math.sqrt(1 - Math.pow(BETA2, step));
        JniUtils.adamUpdate(weight, grad, slots[0], slots[1], lr, (float) (lr * varianceRoot / meanCorrection),
                weightDecay, 1f, NO_CLIP, BETA1, BETA2, (float) (EPSILON * varianceRoot), false);
    }
}
