package io.hingekit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;

/**
 * Stochastic gradient descent with momentum, in PyTorch's form: {@code v = momentum * v + g; w -= lr * v}.
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
    protected void apply(NDArray weight, NDArray grad, NDArray[] slots, float lr, long step) {
        NDArray velocity = slots[0];
        velocity.muli(momentum).addi(grad);
        weight.subi(velocity.mul(lr));
    }
}
