package io.hingekit.tensorboard;

import io.hingekit.util.Checks;

/**
 * A precision-recall curve in the layout of TensorBoard's PR curve plugin: counts at {@code numThresholds}
 * thresholds evenly spaced over [0, 1].
 *
 * <p>A prediction {@code p} falls in bucket {@code floor(p * (numThresholds - 1))} (float arithmetic); at
 * threshold {@code i} the predicted positives are the samples whose bucket is {@code >= i}. Precision and recall
 * divide by {@code max(}{@value #MINIMUM_COUNT}{@code , denominator)}, as TensorBoard's own summary does.
 *
 * @param truePositives true positives per threshold
 * @param falsePositives false positives per threshold
 * @param trueNegatives true negatives per threshold
 * @param falseNegatives false negatives per threshold
 * @param precision precision per threshold
 * @param recall recall per threshold
 */
public record PrCurve(
        float[] truePositives,
        float[] falsePositives,
        float[] trueNegatives,
        float[] falseNegatives,
        float[] precision,
        float[] recall) {

    /** Default number of thresholds (PyTorch's {@code add_pr_curve} default). */
    public static final int DEFAULT_NUM_THRESHOLDS = 127;

    /** Floor of precision's and recall's denominators. */
    public static final double MINIMUM_COUNT = 1e-7;

    /** Rows of the plugin's tensor: TP, FP, TN, FN, precision, recall. */
    public static final int ROWS = 6;

    /**
     * Computes the curve of a binary classifier.
     *
     * @param labels whether each sample is positive
     * @param predictions each sample's predicted probability of being positive, in [0, 1]
     * @param numThresholds number of thresholds, at least 2
     * @return the curve
     * @throws IllegalArgumentException if the lengths differ, a prediction is outside [0, 1], or numThresholds &lt; 2
     */
    public static PrCurve compute(boolean[] labels, float[] predictions, int numThresholds) {
        validate(labels, predictions, numThresholds);
        long[] positivesInBucket = new long[numThresholds];
        long[] negativesInBucket = new long[numThresholds];
        for (int i = 0; i < labels.length; i++) {
            int bucket = (int) Math.floor(predictions[i] * (float) (numThresholds - 1));
            (labels[i] ? positivesInBucket : negativesInBucket)[bucket]++;
        }
        long[] tp = suffixSums(positivesInBucket);
        long[] fp = suffixSums(negativesInBucket);
        PrCurve curve = new PrCurve(
                new float[numThresholds], new float[numThresholds], new float[numThresholds],
                new float[numThresholds], new float[numThresholds], new float[numThresholds]);
        for (int t = 0; t < numThresholds; t++) {
            long fn = tp[0] - tp[t];
            curve.truePositives[t] = tp[t];
            curve.falsePositives[t] = fp[t];
            curve.trueNegatives[t] = fp[0] - fp[t];
            curve.falseNegatives[t] = fn;
            curve.precision[t] = (float) (tp[t] / Math.max(MINIMUM_COUNT, tp[t] + fp[t]));
            curve.recall[t] = (float) (tp[t] / Math.max(MINIMUM_COUNT, tp[t] + fn));
        }
        return curve;
    }

    /**
     * Returns the number of thresholds.
     *
     * @return the length of each row
     */
    public int numThresholds() {
        return truePositives.length;
    }

    /**
     * Returns the rows TP, FP, TN, FN, precision, recall back to back: the plugin's [6, numThresholds] tensor in
     * row-major order.
     *
     * @return the 6 * numThresholds values
     */
    public float[] toTensorValues() {
        int n = numThresholds();
        float[] values = new float[ROWS * n];
        float[][] rows = {truePositives, falsePositives, trueNegatives, falseNegatives, precision, recall};
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(rows[r], 0, values, r * n, n);
        }
        return values;
    }

    private static long[] suffixSums(long[] counts) {
        long[] sums = new long[counts.length];
        long running = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            running += counts[i];
            sums[i] = running;
        }
        return sums;
    }

    private static void validate(boolean[] labels, float[] predictions, int numThresholds) {
        Checks.check(numThresholds >= 2, "numThresholds", ">= 2", numThresholds);
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(
                    "labels and predictions must have the same length, got " + labels.length + " and "
                            + predictions.length);
        }
        for (int i = 0; i < predictions.length; i++) {
            if (!(predictions[i] >= 0f && predictions[i] <= 1f)) {
                throw new IllegalArgumentException(
                        "predictions must be in [0, 1], got " + predictions[i] + " at index " + i);
            }
        }
    }
}
