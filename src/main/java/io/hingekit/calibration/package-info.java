/**
 * Probability calibration of hinge scores: Platt scaling fitted once on a validation split's frozen scores,
 * calibration metrics and a reliability diagram. Plain Java on double arrays; no tensors.
 *
 * <p>Main types: {@link io.hingekit.calibration.PlattScaling} fits a {@link io.hingekit.calibration.Sigmoid}
 * {@code p = 1 / (1 + exp(a s + b))}; {@link io.hingekit.calibration.Calibrator} fits and applies the sigmoids of a
 * whole model and stores them as a {@link io.hingekit.calibration.CalibrationModel} in JSON;
 * {@link io.hingekit.calibration.CalibrationMetrics} computes ECE, Brier score and the
 * {@link io.hingekit.calibration.Reliability} table that {@link io.hingekit.calibration.ReliabilityDiagram} draws.
 *
 * <p><b>Fitting.</b> Platt's smoothed targets {@code t+ = (N+ + 1) / (N+ + 2)} and {@code t- = 1 / (N- + 2)} keep the
 * optimum finite even for separable scores. The fit is the Newton method with backtracking line search of Lin, Lin
 * and Weng (2007), as in libsvm's {@code sigmoid_train}, with every exponent kept non-positive: it stays finite for
 * scores of any size, where scikit-learn 1.2's BFGS fit returns its starting point once scores reach about 1e4-1e5
 * (scikit-learn issue 26766) and stops short of the optimum when a few scores lie far out.
 *
 * <p><b>Classes.</b> One score column (binary, label 1 positive) or two columns (calibrated on {@code s1 - s0}):
 * one sigmoid, probabilities {@code [1 - p, p]}. C &gt;= 3 columns: one sigmoid per class, fitted one-vs-rest on its
 * column, each row divided by its sum (uniform {@code 1/C} when the sum is 0), as scikit-learn's
 * {@code CalibratedClassifierCV(method='sigmoid')} does.
 *
 * <p><b>ECE.</b> Top-label confidence {@code max_k p_k} in 15 equal-width bins: bin i holds {@code (i/15, (i+1)/15]},
 * confidence 0 goes to bin 0; {@code ECE = sum_bins |bin| / n * |accuracy - mean confidence|}. Brier is
 * {@code mean_i sum_k (p_ik - [y_i = k])^2}, in [0, 2].
 *
 * <pre>{@code
 * Calibrator calibrator = Calibrator.fit(validationScores, validationLabels);
 * double[][] p = calibrator.probabilities(testScores);
 * double ece = CalibrationMetrics.expectedCalibrationError(p, testLabels);
 * }</pre>
 *
 * <p><b>Layering:</b> plain-Java statistics outside the training stack; may import util and files only.
 */
package io.hingekit.calibration;
