package io.hingekit.training;

/**
 * How the training loop runs.
 *
 * @param batchSize samples per batch (P x K runs: ignored, the batch is {@code classesPerBatch * samplesPerClass})
 * @param epochs maximum number of epochs
 * @param patience epochs without a better validation figure ({@code selectBy}) before early stopping (0 = never)
 * @param logInterval steps between logged steps (progress, step listeners, non-finite check)
 * @param tailThreshold per-sample loss above which a sample counts in the tail ratio
 * @param classesPerBatch P of P x K batches (embedding runs)
 * @param samplesPerClass K of P x K batches (embedding runs)
 * @param selectBy the validation figure that picks the saved model and drives early stopping: {@code loss}
 *     (default of classifier runs), {@code accuracy} (classifier runs), or a retrieval metric of embedding runs:
 *     {@code map_at_r} (their default), {@code precision_at_1}, {@code r_precision}, {@code knn_accuracy}
 */
public record LoopConfig(
        Integer batchSize,
        Integer epochs,
        Integer patience,
        Integer logInterval,
        Double tailThreshold,
        Integer classesPerBatch,
        Integer samplesPerClass,
        String selectBy) {

    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** Default number of epochs. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Default logging interval in steps. */
    public static final int DEFAULT_LOG_INTERVAL = 50;
    /** Default tail threshold: a loss above 1 means the sample is on the wrong side of the decision boundary. */
    public static final double DEFAULT_TAIL_THRESHOLD = 1.0;

    /** Returns the batch size, or its default. */
    public int batchSizeOrDefault() {
        return batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
    }

    /** Returns the number of epochs, or its default. */
    public int epochsOrDefault() {
        return epochs == null ? DEFAULT_EPOCHS : epochs;
    }

    /** Returns the early-stopping patience, 0 (off) by default. */
    public int patienceOrOff() {
        return patience == null ? 0 : patience;
    }

    /** Returns the logging interval, or its default. */
    public int logIntervalOrDefault() {
        return logInterval == null ? DEFAULT_LOG_INTERVAL : logInterval;
    }

    /** Returns the tail threshold, or its default. */
    public double tailThresholdOrDefault() {
        return tailThreshold == null ? DEFAULT_TAIL_THRESHOLD : tailThreshold;
    }

    /** Returns the samples per batch: P x K for P x K batches, else the batch size. */
    public int effectiveBatchSize() {
        return isPk() ? classesPerBatch * samplesPerClass : batchSizeOrDefault();
    }

    /** Returns whether batches are P x K (classes x samples per class). */
    public boolean isPk() {
        return classesPerBatch != null && samplesPerClass != null;
    }
}
