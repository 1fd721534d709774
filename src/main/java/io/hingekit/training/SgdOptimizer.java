package io.hingekit.training;

import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.tracker.Tracker;

/**
 * Stochastic gradient descent with momentum, in PyTorch's form: {@code v = momentum * v + g; w -= lr * v}.
 *
 * <p>It runs as DJL's fused kernel, whose state is the velocity scaled by the learning rate, {@code u = lr * v}:
 * {@code u = momentum * (lr_t / lr_{t-1}) * u + lr_t * g; w -= u}, the same update as PyTorch's also when a
 * schedule changes the rate. The saved state is {@code u} (format 2; checkpoints of the unscaled format 1 are
 * refused). A step whose learning rate is exactly 0 leaves the weights and restarts the momentum.
 */
public final class SgdOptimizer extends StatefulOptimizer {

    private final float momentum;

    /**
     * Creates the optimizer.
     *
     * @param learningRate the learning rate by step
     * @param momentum the momentum in [0, 1)
     * @param weightDecay the L2 penalty coefficient
     */
    public SgdOptimizer(Tracker learningRate, float momentum, float weightDecay) {
        super(learningRate, weightDecay);
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    protected int stateFormat() {
        return 2;
    }

    @Override
    protected void apply(PtNDArray weight, PtNDArray grad, PtNDArray[] slots, float weightDecay, long step) {
        float lr = learningRateAt(step);
        PtNDArray scaledVelocity = slots[0];
        if (lr == 0) {
            scaledVelocity.muli(0);
            return;
        }
        float previous = step > 1 ? learningRateAt(step - 1) : lr;
        // After a zero-rate step the state is 0 and the ratio does not matter.
        float carry = previous > 0 ? (float) ((double) momentum * lr / previous) : momentum;
        JniUtils.sgdUpdate(weight, grad, momentum == 0 ? null : scaledVelocity, lr, weightDecay, 1f, NO_CLIP, carry);
    }
}
