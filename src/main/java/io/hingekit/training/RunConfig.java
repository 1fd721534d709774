package io.hingekit.training;

import io.hingekit.data.DataConfig;
import io.hingekit.model.ModelConfig;

/**
 * A training run's whole configuration, as read from {@code configs/<name>.yaml}. Unknown keys are errors, so a
 * typo never silently falls back to a default.
 *
 * @param name the run's name (default model directory {@code models/<name>})
 * @param seed seed of initialisation, splits and data order
 * @param data the dataset
 * @param model the network
 * @param loss the loss and its parameters
 * @param optimizer the optimizer and learning-rate schedule
 * @param training batch size, epochs, early stopping and logging intervals
 */
public record RunConfig(
        String name,
        Long seed,
        DataConfig data,
        ModelConfig model,
        LossConfig loss,
        OptimizerConfig optimizer,
        LoopConfig training) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /** Returns the seed, or its default. */
    public long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    /**
     * Returns a copy with the number of epochs replaced.
     *
     * @param epochs the new number of epochs
     * @return the changed config
     */
    public RunConfig withEpochs(int epochs) {
        LoopConfig t = training;
        return new RunConfig(name, seed, data, model, loss, optimizer, new LoopConfig(t.batchSize(), epochs,
                t.patience(), t.logInterval(), t.tailThreshold(), t.classesPerBatch(), t.samplesPerClass(),
                t.selectBy()));
    }
}
