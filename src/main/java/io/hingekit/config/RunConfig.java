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
 * @param online how {@code learn-online} learns from a stream (null: not an online config)
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
        DriftConfig drift,
        OnlineConfig online) {

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
        if (online != null && model != null && loss != null && data != null) {
            checkOnline(online, data, model, loss);
        }
    }

    /**
     * An online config learns a linear model with the hinge loss that its updates minimise: binary, or
     * Crammer-Singer's multi-class hinge (the loss of multi-class PA and Pegasos), on features used as they come.
     */
    private static void checkOnline(OnlineConfig online, DataConfig data, ModelConfig model, LossConfig loss) {
        check(model.type() == ModelType.LINEAR, "model.type", "linear for an online config", model.type().word());
        check(loss.type() == LossType.BINARY_HINGE || loss.type() == LossType.MULTICLASS_HINGE, "loss.type",
                "binary-hinge or multiclass-hinge for an online config", loss.type().word());
        check(loss.variant() == null || loss.variant() == HingeVariant.CRAMMER_SINGER, "loss.variant",
                "crammer-singer for an online config (the loss multi-class PA and Pegasos minimise)",
                loss.variant() == null ? null : loss.variant().word());
        check(loss.power() == 1, "loss.power", "1 for an online config", loss.power());
        check(Boolean.FALSE.equals(loss.divideByClasses()) || loss.divideByClasses() == null, "loss.divideByClasses",
                "false for an online config", loss.divideByClasses());
        check(loss.classWeights() == null || online.algorithm() != OnlineAlgorithm.PA, "loss.classWeights",
                "absent for online.algorithm pa (it has no loss term to weigh; use pa-i, pa-ii or pegasos)",
                loss.classWeights());
        check(data.normalize() == NormalizeType.NONE, "data.normalize",
                "none for an online config (stream features are used as they come: scale them upstream)",
                data.normalize().word());
        check(online.classes() == null || loss.classWeights() == null
                || loss.classWeights().size() == online.classes().size(), "loss.classWeights",
                "one weight per class of online.classes (" + (online.classes() == null ? 0 : online.classes().size())
                        + ")", loss.classWeights());
        check(loss.type() != LossType.BINARY_HINGE || online.classes() == null || online.classes().size() == 2,
                "online.classes", "2 names for loss.type binary-hinge", online.classes());
    }

    /**
     * Returns a copy with the number of epochs replaced.
     *
     * @param epochs the new number of epochs
     * @return the changed config
     */
    public RunConfig withEpochs(int epochs) {
        return new RunConfig(name, seed, data, model, loss, optimizer, training.withEpochs(epochs), gate, drift,
                online);
    }
}
