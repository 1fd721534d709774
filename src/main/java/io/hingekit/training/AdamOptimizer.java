package io.hingekit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;

/**
 * Adam with bias correction, as {@code torch.optim.Adam} (L2 weight decay added to the gradient):
 * {@code m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; w -= lr * m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps)}.
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
    protected void apply(NDArray weight, NDArray grad, NDArray[] slots, float lr, long step) {
        NDArray mean = slots[0];
        NDArray variance = slots[1];
        mean.muli(BETA1).addi(grad.mul(1 - BETA1));
        variance.muli(BETA2).addi(grad.square().mul(1 - BETA2));
        double meanCorrection = 1 - Math.pow(BETA1, step);
        double varianceCorrection = 1 - Math.pow(BETA2, step);
        NDArray denominator = variance.div(varianceCorrection).sqrt().add(EPSILON);
        weight.subi(mean.div(denominator).mul(lr / meanCorrection));
    }
}
