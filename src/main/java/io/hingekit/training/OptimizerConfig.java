package io.hingekit.training;

/**
 * The optimizer and its learning-rate schedule.
 *
 * @param type {@code sgd} (with momentum) or {@code adam}
 * @param learningRate base learning rate
 * @param momentum SGD momentum (0 = plain SGD)
 * @param weightDecay L2 penalty coefficient on weights (not on biases or normalisation parameters)
 * @param schedule {@code constant}, {@code step} or {@code cosine}
 * @param stepEpochs for {@code step}: epochs between decays
 * @param factor for {@code step}: multiplier at each decay
 * @param clipGradNorm when set, the gradients are scaled down before each update so that their global L2 norm
 *     (all parameters together) is at most this value, as PyTorch's {@code clip_grad_norm_}
 */
public record OptimizerConfig(
        String type,
        Double learningRate,
        Double momentum,
        Double weightDecay,
        String schedule,
        Integer stepEpochs,
        Double factor,
        Double clipGradNorm) {

    /** Default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** Default step-schedule decay factor. */
    public static final double DEFAULT_FACTOR = 0.1;

    /** Returns the learning rate, or its default. */
    public float learningRateOrDefault() {
        return (float) (learningRate == null ? DEFAULT_LEARNING_RATE : learningRate);
    }

    /** Returns the momentum, 0 by default. */
    public float momentumOrNone() {
        return (float) (momentum == null ? 0 : momentum);
    }

    /**
     * Returns the gradient-norm bound, or 0 when gradients are not clipped.
     *
     * @return the bound, or 0
     * @throws IllegalArgumentException if the configured bound is not a positive finite number
     */
    public float clipGradNormOrOff() {
        if (clipGradNorm == null) {
            return 0;
        }
        if (!(clipGradNorm > 0) || clipGradNorm.isInfinite()) {
            throw new IllegalArgumentException("optimizer.clipGradNorm must be a positive number, got " + clipGradNorm);
        }
        return clipGradNorm.floatValue();
    }

    /** Returns the weight decay, 0 by default. */
    public float weightDecayOrNone() {
        return (float) (weightDecay == null ? 0 : weightDecay);
    }
}
