package io.hingekit.calibration;

/**
 * One confidence bin of a reliability diagram: the samples whose top-label confidence lies in
 * {@code (lower, upper]} (the first bin also holds confidence 0).
 *
 * @param lower lower edge, excluded
 * @param upper upper edge, included
 * @param count number of samples in the bin
 * @param meanConfidence mean top-label confidence of those samples, NaN when the bin is empty
 * @param accuracy fraction of those samples whose top label is the true label, NaN when the bin is empty
 */
public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {

    /**
     * Whether the bin holds no sample.
     *
     * @return {@code count == 0}
     */
    public boolean isEmpty() {
        return count == 0;
    }
}
