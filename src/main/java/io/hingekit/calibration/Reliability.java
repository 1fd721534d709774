package io.hingekit.calibration;

import java.util.List;

/**
 * A reliability table: per confidence bin, how many samples fall in it, their mean top-label confidence and their
 * accuracy; what a reliability diagram draws and what the expected calibration error sums.
 *
 * @param samples number of samples over all bins
 * @param bins equal-width bins over [0, 1], in increasing order
 */
public record Reliability(int samples, List<ReliabilityBin> bins) {

    /**
     * Copies the bin list.
     *
     * @param samples number of samples over all bins
     * @param bins the bins, in increasing order
     * @throws IllegalArgumentException when {@code samples} is not the sum of the bins' counts
     */
    public Reliability {
        bins = List.copyOf(bins);
        long total = 0;
        for (ReliabilityBin bin : bins) {
            total += bin.count();
        }
        if (total != samples) {
            throw new IllegalArgumentException("samples must be the sum of the bin counts (" + total + "), got "
                    + samples);
        }
    }

    /**
     * The expected calibration error: the sum over non-empty bins of
     * {@code count / samples * |accuracy - meanConfidence|}.
     *
     * @return the ECE, in [0, 1]
     */
    public double expectedCalibrationError() {
        double ece = 0.0;
        for (ReliabilityBin bin : bins) {
            if (!bin.isEmpty()) {
                ece += (double) bin.count() / samples * Math.abs(bin.accuracy() - bin.meanConfidence());
            }
        }
        return ece;
    }
}
