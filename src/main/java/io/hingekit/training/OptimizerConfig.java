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
 */
public record OptimizerConfig(
        String type,
        Double learningRate,
        Double momentum,
        Double weightDecay,
        String schedule,
        Integer stepEpochs,
        Double factor) {

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

    /** Returns the weight decay, 0 by default. */
    public float weightDecayOrNone() {
        return (float) (weightDecay == null ? 0 : weightDecay);
    }
}
