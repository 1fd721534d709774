package io.hingekit.training;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.MultiFactorTracker;
import ai.djl.training.tracker.Tracker;
import io.hingekit.config.OptimizerConfig;

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
        float lr = config.learningRate().floatValue();
        Tracker schedule = schedule(config, lr, stepsPerEpoch, epochs);
        return switch (config.type()) {
            case SGD -> new SgdOptimizer(schedule, config.momentum().floatValue(), config.weightDecay().floatValue());
            case ADAM -> new AdamOptimizer(schedule, config.weightDecay().floatValue());
        };
    }

    private static Tracker schedule(OptimizerConfig config, float lr, int stepsPerEpoch, int epochs) {
        return switch (config.schedule()) {
            case CONSTANT -> Tracker.fixed(lr);
            case COSINE -> CosineTracker.builder().setBaseValue(lr).optFinalValue(0)
                    .setMaxUpdates(Math.max(1, stepsPerEpoch * epochs)).build();
            case STEP -> stepSchedule(config, lr, stepsPerEpoch, epochs);
        };
    }

    private static Tracker stepSchedule(OptimizerConfig config, float lr, int stepsPerEpoch, int epochs) {
        int every = config.stepEpochs();
        int decays = Math.max(1, (epochs - 1) / every);
        int[] steps = new int[decays];
        for (int i = 0; i < decays; i++) {
            steps[i] = (i + 1) * every * stepsPerEpoch;
        }
        return MultiFactorTracker.builder().setBaseValue(lr).setSteps(steps).optFactor(config.factor().floatValue())
                .build();
    }
}
