package io.hingekit.config;

import static io.hingekit.util.Checks.check;
import static io.hingekit.util.Checks.positive;

/**
 * How the training loop runs (the {@code training} section); missing values take their defaults here, except
 * {@code selectBy}, whose default depends on the model and is filled in by {@link RunConfig}.
 *
 * @param batchSize samples per batch (default 128; P x K runs: the batch is {@code classesPerBatch * samplesPerClass})
 * @param epochs maximum number of epochs (default 10)
 * @param patience epochs without a better validation figure ({@code selectBy}) before early stopping (0 = never)
 * @param logInterval steps between logged steps (progress, step listeners, non-finite check; default 50)
 * @param tailThreshold per-sample loss above which a sample counts in the tail ratio (default 1)
 * @param classesPerBatch P of P x K batches (embedding runs)
 * @param samplesPerClass K of P x K batches (embedding runs; at least 2, so that every anchor has a positive)
 * @param selectBy the validation figure that picks the saved model and drives early stopping
 */
public record TrainingConfig(
        Integer batchSize,
        Integer epochs,
        Integer patience,
        Integer logInterval,
        Double tailThreshold,
        Integer classesPerBatch,
        Integer samplesPerClass,
        SelectBy selectBy) {

    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** Default number of epochs. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Default logging interval in steps. */
    public static final int DEFAULT_LOG_INTERVAL = 50;
    /** Default tail threshold: a loss above 1 means the sample is on the wrong side of the decision boundary. */
    public static final double DEFAULT_TAIL_THRESHOLD = 1.0;

    /** Fills in the defaults and checks the values. */
    public TrainingConfig {
        batchSize = positive("training.batchSize", batchSize == null ? DEFAULT_BATCH_SIZE : batchSize);
        epochs = positive("training.epochs", epochs == null ? DEFAULT_EPOCHS : epochs);
        patience = patience == null ? 0 : patience;
        check(patience >= 0, "training.patience", ">= 0 (0 = no early stopping)", patience);
        logInterval = positive("training.logInterval", logInterval == null ? DEFAULT_LOG_INTERVAL : logInterval);
        tailThreshold = tailThreshold == null ? DEFAULT_TAIL_THRESHOLD : tailThreshold;
        check(tailThreshold >= 0 && !tailThreshold.isInfinite(), "training.tailThreshold", "finite and >= 0",
                tailThreshold);
        check((classesPerBatch == null) == (samplesPerClass == null), "training.classesPerBatch and samplesPerClass",
                "set together", classesPerBatch == null ? "samplesPerClass alone" : "classesPerBatch alone");
        check(classesPerBatch == null || classesPerBatch >= 2, "training.classesPerBatch", ">= 2", classesPerBatch);
        check(samplesPerClass == null || samplesPerClass >= 2, "training.samplesPerClass",
                ">= 2 (an anchor needs a positive)", samplesPerClass);
    }

    /** Returns the samples per batch: P x K for P x K batches, else the batch size. */
    public int effectiveBatchSize() {
        return isPk() ? classesPerBatch * samplesPerClass : batchSize;
    }

    /** Returns whether batches are P x K (classes x samples per class). */
    public boolean isPk() {
        return classesPerBatch != null;
    }

    /**
     * Returns a copy with the number of epochs replaced.
     *
     * @param newEpochs the new number of epochs
     * @return the changed section
     */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(batchSize, newEpochs, patience, logInterval, tailThreshold, classesPerBatch,
                samplesPerClass, selectBy);
    }

    /** Returns a copy with the selection figure set. */
    TrainingConfig withSelectBy(SelectBy figure) {
        return new TrainingConfig(batchSize, epochs, patience, logInterval, tailThreshold, classesPerBatch,
                samplesPerClass, figure);
    }
}
