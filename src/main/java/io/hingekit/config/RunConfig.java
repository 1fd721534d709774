package io.hingekit.config;

import static io.hingekit.util.Checks.check;

/**
 * A training run's whole configuration, as read from {@code configs/<name>.yaml} by {@link RunConfigs}: every word
 * parsed into its type and every default filled in, so the rest of Hingekit never falls back on its own. Unknown
 * keys are errors, so a typo never silently falls back to a default.
 *
 * @param name the run's name (default model directory {@code models/<name>})
 * @param seed seed of initialisation, splits and data order (default 42)
 * @param data the dataset
 * @param model the network
 * @param loss the loss and its parameters
 * @param optimizer the optimizer and learning-rate schedule
 * @param training batch size, epochs, early stopping and logging intervals
 * @param gate the deployment gate checked when training ends (null: none)
 * @param drift the drift thresholds {@code drift} uses for this model (null: the defaults)
 */
public record RunConfig(
        String name,
        Long seed,
        DataConfig data,
        ModelConfig model,
        LossConfig loss,
        OptimizerConfig optimizer,
        TrainingConfig training,
        GateConfig gate,
        DriftConfig drift) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /** Fills in the defaults and checks that the sections fit each other. */
    public RunConfig {
        seed = seed == null ? DEFAULT_SEED : seed;
        optimizer = optimizer == null ? new OptimizerConfig(null, null, null, null, null, null, null, null) : optimizer;
        training = training == null ? new TrainingConfig(null, null, null, null, null, null, null, null) : training;
        if (model != null && loss != null) {
            boolean embedding = model.isEmbedding();
            check(loss.isEmbedding() == embedding, "loss.type", embedding
                    ? "triplet or contrastive for model.type " + model.type().word()
                    : "a hinge loss for model.type " + model.type().word()
                            + " (triplet and contrastive need mlp-embedding or cnn-embedding)", loss.type().word());
            SelectBy figure = training.selectBy() == null ? SelectBy.defaultFor(embedding) : training.selectBy();
            check((embedding ? SelectBy.EMBEDDING : SelectBy.CLASSIFIER).contains(figure), "training.selectBy",
                    "one of " + (embedding ? "map_at_r, precision_at_1, r_precision, knn_accuracy, loss"
                            : "loss, accuracy") + " for " + (embedding ? "an embedding" : "a classifier") + " run",
                    "'" + figure.word() + "'");
            training = training.withSelectBy(figure);
            check(!embedding || gate == null, "gate", "absent for an embedding run (it checks class margins)",
                    "a section");
            check(!embedding || training.isPk(), "training.classesPerBatch and samplesPerClass",
                    "set for an embedding run (P x K batches)", "absent");
        }
    }

    /**
     * Returns a copy with the number of epochs replaced.
     *
     * @param epochs the new number of epochs
     * @return the changed config
     */
    public RunConfig withEpochs(int epochs) {
        return new RunConfig(name, seed, data, model, loss, optimizer, training.withEpochs(epochs), gate, drift);
    }
}
