package io.hingekit.training;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.MultiFactorTracker;
import ai.djl.training.tracker.Tracker;

/** Builds the optimizer and learning-rate schedule an {@link OptimizerConfig} names. */
public final class Optimizers {

    private Optimizers() {}

    /**
     * Builds the optimizer.
     *
     * @param config the optimizer section of the config
     * @param stepsPerEpoch optimizer steps in one epoch
     * @param epochs number of epochs of the run
     * @return the optimizer
     */
    public static StatefulOptimizer create(OptimizerConfig config, int stepsPerEpoch, int epochs) {
        float lr = config.learningRateOrDefault();
        if (!(lr > 0)) {
            throw new IllegalArgumentException("optimizer.learningRate must be > 0, got " + lr);
        }
        Tracker schedule = schedule(config, lr, stepsPerEpoch, epochs);
        String type = config.type() == null ? "sgd" : config.type();
        return switch (type) {
            case "sgd" -> new SgdOptimizer(schedule, config.momentumOrNone(), config.weightDecayOrNone());
            case "adam" -> new AdamOptimizer(schedule, config.weightDecayOrNone());
            default -> throw new IllegalArgumentException("optimizer.type must be sgd or adam, got '" + type + "'");
        };
    }

    private static Tracker schedule(OptimizerConfig config, float lr, int stepsPerEpoch, int epochs) {
        String schedule = config.schedule() == null ? "constant" : config.schedule();
        return switch (schedule) {
            case "constant" -> Tracker.fixed(lr);
            case "cosine" -> CosineTracker.builder().setBaseValue(lr).optFinalValue(0)
                    .setMaxUpdates(Math.max(1, stepsPerEpoch * epochs)).build();
            case "step" -> stepSchedule(config, lr, stepsPerEpoch, epochs);
            default -> throw new IllegalArgumentException(
                    "optimizer.schedule must be constant, step or cosine, got '" + schedule + "'");
        };
    }

    private static Tracker stepSchedule(OptimizerConfig config, float lr, int stepsPerEpoch, int epochs) {
        int every = config.stepEpochs() == null ? 0 : config.stepEpochs();
        if (every < 1) {
            throw new IllegalArgumentException("optimizer.stepEpochs must be >= 1 for the step schedule");
        }
        int decays = Math.max(1, (epochs - 1) / every);
        int[] steps = new int[decays];
        for (int i = 0; i < decays; i++) {
            steps[i] = (i + 1) * every * stepsPerEpoch;
        }
        double factor = config.factor() == null ? OptimizerConfig.DEFAULT_FACTOR : config.factor();
        return MultiFactorTracker.builder().setBaseValue(lr).setSteps(steps).optFactor((float) factor).build();
    }
}
