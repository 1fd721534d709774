package io.hingekit.lifecycle;

import ai.djl.Device;
import io.hingekit.calibration.CalibrationMetrics;
import io.hingekit.calibration.Calibrator;
import io.hingekit.calibration.ReliabilityDiagram;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fits Platt calibrators on a classifier's validation scores, saves them as {@code calibration.json} beside the
 * model, and measures calibration on the test split before and after: expected calibration error (top-label
 * confidence, 15 equal-width bins) and the multi-class Brier score (sum over classes, range [0, 2]), with a
 * reliability diagram. "Before" reads the raw hinge scores as probabilities the naive way: softmax over the class
 * scores (binary: the logistic of the score).
 */
public final class CalibrationService {

    /**
     * The calibration's figures on the test split.
     *
     * @param eceBefore expected calibration error of the naive probabilities
     * @param eceAfter expected calibration error of the calibrated probabilities
     * @param brierBefore Brier score of the naive probabilities
     * @param brierAfter Brier score of the calibrated probabilities
     * @param validationSamples samples the calibrators were fitted on
     * @param testSamples samples measured
     * @param calibration the written calibration file
     * @param diagram the written reliability diagram
     */
    public record Result(double eceBefore, double eceAfter, double brierBefore, double brierAfter,
            int validationSamples, int testSamples, Path calibration, Path diagram) {}

    /**
     * Calibrates a model.
     *
     * @param model the model directory
     * @param dataDir a Fashion-MNIST directory overriding the config's (may be null)
     * @param device the device
     * @return the figures
     * @throws IOException when files cannot be read or written
     */
    public Result calibrate(Path model, Path dataDir, Device device) throws IOException {
        try (ModelData data = ModelData.open(model, dataDir, device)) {
            SplitScores validation = data.scores("validation");
            SplitScores test = data.scores("test");
            Calibrator calibrator = Calibrator.fit(validation.scores(), validation.labels());
            double[][] before = naive(test.scores());
            double[][] after = calibrator.probabilities(test.scores());
            ModelDirectory dir = new ModelDirectory(model);
            calibrator.write(dir.calibration());
            ReliabilityDiagram.write(dir.reliability(), "Reliability on the test split: " + model.getFileName(),
                    CalibrationMetrics.reliability(before, test.labels()),
                    CalibrationMetrics.reliability(after, test.labels()));
            return new Result(CalibrationMetrics.expectedCalibrationError(before, test.labels()),
                    CalibrationMetrics.expectedCalibrationError(after, test.labels()),
                    CalibrationMetrics.brierScore(before, test.labels()),
                    CalibrationMetrics.brierScore(after, test.labels()),
                    validation.labels().length, test.labels().length, dir.calibration(), dir.reliability());
        }
    }

    /** Softmax of each row (one score: the logistic, as two columns). */
    static double[][] naive(double[][] scores) {
        double[][] out = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            double[] row = scores[i].length == 1 ? new double[] {-scores[i][0] / 2, scores[i][0] / 2} : scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            out[i] = new double[row.length];
            for (int k = 0; k < row.length; k++) {
                out[i][k] = Math.exp(row[k] - max);
                sum += out[i][k];
            }
            for (int k = 0; k < row.length; k++) {
                out[i][k] /= sum;
            }
        }
        return out;
    }
}
