package io.hingekit.config;

import static io.hingekit.util.Checks.check;

/**
 * The optimizer and its learning-rate schedule; missing values take their defaults here.
 *
 * @param type the optimizer (default {@code sgd})
 * @param learningRate base learning rate (default 0.01)
 * @param momentum SGD momentum (default 0 = plain SGD)
 * @param weightDecay L2 penalty coefficient on weights, not on biases or normalisation parameters (default 0)
 * @param schedule the learning-rate schedule (default {@code constant})
 * @param stepEpochs for {@code step}: epochs between decays (required there)
 * @param factor for {@code step}: multiplier at each decay (default 0.1)
 * @param clipGradNorm when set, the gradients are scaled down before each update so that their global L2 norm
 *     (all parameters together) is at most this value, as PyTorch's {@code clip_grad_norm_}; null = off
 */
public record OptimizerConfig(
        OptimizerType type,
        Double learningRate,
        Double momentum,
        Double weightDecay,
        ScheduleType schedule,
        Integer stepEpochs,
        Double factor,
        Double clipGradNorm) {

    /** Default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** Default step-schedule decay factor. */
    public static final double DEFAULT_FACTOR = 0.1;

    /** Fills in the defaults and checks the values. */
    public OptimizerConfig {
        type = type == null ? OptimizerType.SGD : type;
        learningRate = learningRate == null ? DEFAULT_LEARNING_RATE : learningRate;
        check(learningRate > 0 && !learningRate.isInfinite(), "optimizer.learningRate", "a finite number > 0",
                learningRate);
        check(momentum == null || type == OptimizerType.SGD, "optimizer.momentum", "absent for optimizer.type adam",
                momentum);
        momentum = type == OptimizerType.SGD && momentum == null ? Double.valueOf(0) : momentum;
        check(momentum == null || momentum >= 0 && momentum < 1, "optimizer.momentum", "in [0, 1)", momentum);
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        check(weightDecay >= 0 && !weightDecay.isInfinite(), "optimizer.weightDecay", "finite and >= 0", weightDecay);
        schedule = schedule == null ? ScheduleType.CONSTANT : schedule;
        boolean step = schedule == ScheduleType.STEP;
        check(step || stepEpochs == null, "optimizer.stepEpochs", "absent for schedule " + schedule.word(), stepEpochs);
        check(step || factor == null, "optimizer.factor", "absent for schedule " + schedule.word(), factor);
        check(!step || stepEpochs != null && stepEpochs >= 1, "optimizer.stepEpochs", ">= 1 for the step schedule",
                stepEpochs);
        factor = step && factor == null ? Double.valueOf(DEFAULT_FACTOR) : factor;
        check(factor == null || factor > 0 && factor <= 1, "optimizer.factor", "in (0, 1]", factor);
        check(clipGradNorm == null || clipGradNorm > 0 && !clipGradNorm.isInfinite(), "optimizer.clipGradNorm",
                "a positive number", clipGradNorm);
    }
}
