package io.hingekit.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration metrics of class probabilities: expected calibration error (ECE), Brier score and the reliability
 * table behind a reliability diagram.
 *
 * <p>ECE uses the top-label confidence {@code max_k p_k} (the top label is the first index of the maximum) in
 * {@value #DEFAULT_BINS} equal-width bins over [0, 1]: bin i holds confidences in {@code (i/B, (i+1)/B]}, edges
 * computed as {@code (double) i / B}, and confidence 0 goes to bin 0. {@code ECE = sum_bins |bin| / n *
 * |accuracy(bin) - meanConfidence(bin)|}. The Brier score is the multi-class one, {@code mean_i sum_k (p_ik -
 * [y_i = k])^2}, in [0, 2]. Rows need not sum to 1, but every probability must lie in [0, 1]. Stateless and
 * thread-safe.
 */
public final class CalibrationMetrics {

    /** Default number of ECE bins. */
    public static final int DEFAULT_BINS = 15;

    private CalibrationMetrics() {}

    /**
     * The expected calibration error over {@value #DEFAULT_BINS} bins.
     *
     * @param probabilities n x C probabilities, C &gt;= 2
     * @param labels n class ids in [0, C)
     * @return the ECE, in [0, 1]
     * @throws IllegalArgumentException when the shapes disagree, a label is out of range or a probability is
     *     outside [0, 1]
     */
    public static double expectedCalibrationError(double[][] probabilities, int[] labels) {
        return reliability(probabilities, labels, DEFAULT_BINS).expectedCalibrationError();
    }

    /**
     * The expected calibration error over {@code bins} bins.
     *
     * @param probabilities n x C probabilities, C &gt;= 2
     * @param labels n class ids in [0, C)
     * @param bins number of equal-width bins, &gt;= 1
     * @return the ECE, in [0, 1]
     * @throws IllegalArgumentException as {@link #reliability(double[][], int[], int)}
     */
    public static double expectedCalibrationError(double[][] probabilities, int[] labels, int bins) {
        return reliability(probabilities, labels, bins).expectedCalibrationError();
    }

    /**
     * The multi-class Brier score {@code mean_i sum_k (p_ik - [y_i = k])^2}.
     *
     * @param probabilities n x C probabilities, C &gt;= 2
     * @param labels n class ids in [0, C)
     * @return the score, in [0, 2]; 0 for one-hot predictions of the true labels
     * @throws IllegalArgumentException when the shapes disagree, a label is out of range or a probability is
     *     outside [0, 1]
     */
    public static double brierScore(double[][] probabilities, int[] labels) {
        check(probabilities, labels);
        double total = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            double sum = 0.0;
            for (int k = 0; k < probabilities[i].length; k++) {
                double d = probabilities[i][k] - (k == labels[i] ? 1.0 : 0.0);
                sum += d * d;
            }
            total += sum;
        }
        return total / probabilities.length;
    }

    /**
     * The reliability table over {@value #DEFAULT_BINS} bins.
     *
     * @param probabilities n x C probabilities, C &gt;= 2
     * @param labels n class ids in [0, C)
     * @return per-bin counts, mean confidences and accuracies
     * @throws IllegalArgumentException as {@link #reliability(double[][], int[], int)}
     */
    public static Reliability reliability(double[][] probabilities, int[] labels) {
        return reliability(probabilities, labels, DEFAULT_BINS);
    }

    /**
     * The reliability table over {@code bins} equal-width bins of the top-label confidence.
     *
     * @param probabilities n x C probabilities, C &gt;= 2
     * @param labels n class ids in [0, C)
     * @param bins number of bins, &gt;= 1
     * @return per-bin counts, mean confidences and accuracies
     * @throws IllegalArgumentException when {@code bins < 1}, the shapes disagree, a label is out of range or a
     *     probability is outside [0, 1]
     */
    public static Reliability reliability(double[][] probabilities, int[] labels, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        check(probabilities, labels);
        int[] counts = new int[bins];
        int[] correct = new int[bins];
        double[] confidenceSums = new double[bins];
        for (int i = 0; i < probabilities.length; i++) {
            double[] row = probabilities[i];
            int top = 0;
            for (int k = 1; k < row.length; k++) {
                if (row[k] > row[top]) {
                    top = k;
                }
            }
            int bin = bin(row[top], bins);
            counts[bin]++;
            confidenceSums[bin] += row[top];
            if (top == labels[i]) {
                correct[bin]++;
            }
        }
        List<ReliabilityBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            double lower = (double) b / bins;
            double upper = (double) (b + 1) / bins;
            if (counts[b] == 0) {
                out.add(new ReliabilityBin(lower, upper, 0, Double.NaN, Double.NaN));
            } else {
                out.add(new ReliabilityBin(lower, upper, counts[b], confidenceSums[b] / counts[b],
                        (double) correct[b] / counts[b]));
            }
        }
        return new Reliability(probabilities.length, out);
    }

    /**
     * The bin of a confidence: the i with {@code i/B < c <= (i+1)/B}, edges as doubles {@code (double) i / B};
     * 0 for {@code c = 0}.
     *
     * @param confidence a value in [0, 1]
     * @param bins number of bins B
     * @return the bin index in [0, B)
     */
    static int bin(double confidence, int bins) {
        int b = (int) Math.ceil(confidence * bins) - 1;
        b = Math.max(0, Math.min(bins - 1, b));
        // confidence * bins can round across an edge: settle on the rule with the edges themselves
        while (b > 0 && confidence <= (double) b / bins) {
            b--;
        }
        while (b < bins - 1 && confidence > (double) (b + 1) / bins) {
            b++;
        }
        return b;
    }

    private static void check(double[][] probabilities, int[] labels) {
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities must hold at least one row, got "
                    + (probabilities == null ? "null" : "0 rows"));
        }
        if (labels == null || labels.length != probabilities.length) {
            throw new IllegalArgumentException("labels must have one value per probability row ("
                    + probabilities.length + "), got " + (labels == null ? "null" : labels.length));
        }
        int classes = probabilities[0] == null ? 0 : probabilities[0].length;
        if (classes < 2) {
            throw new IllegalArgumentException("probabilities must have one column per class, at least 2, got "
                    + classes);
        }
        for (int i = 0; i < probabilities.length; i++) {
            double[] row = probabilities[i];
            if (row == null || row.length != classes) {
                throw new IllegalArgumentException("probabilities[" + i + "] must hold " + classes + " values, got "
                        + (row == null ? "null" : row.length));
            }
            for (int k = 0; k < classes; k++) {
                if (!(row[k] >= 0.0 && row[k] <= 1.0)) {
                    throw new IllegalArgumentException("probabilities[" + i + "][" + k + "] must be in [0, 1], got "
                            + row[k]);
                }
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + classes + "), got "
                        + labels[i]);
            }
        }
    }
}
