package io.hingekit.calibration;

import java.util.List;

/**
 * The fitted parameters of a {@link Calibrator} as they are stored in JSON, for example
 * {@code {"version":1,"method":"platt","classes":3,"scoreColumns":3,"sigmoids":[{"a":-1.9,"b":0.4},...]}}.
 *
 * <p>Layouts: {@code scoreColumns} 1 (a binary model's single score) or 2 (a two-column model, calibrated on
 * {@code s1 - s0}) have {@code classes} 2 and one sigmoid; {@code scoreColumns} C &gt;= 3 has {@code classes} C and one
 * sigmoid per class, in class order. Immutable and thread-safe.
 *
 * @param version layout version, {@link #VERSION}
 * @param method calibration method, {@link #PLATT}
 * @param classes number of probability columns (2 for binary models)
 * @param scoreColumns number of score columns the model was fitted on
 * @param sigmoids the fitted sigmoids
 */
public record CalibrationModel(int version, String method, int classes, int scoreColumns, List<Sigmoid> sigmoids) {

    /** The only layout version so far. */
    public static final int VERSION = 1;

    /** Method name of Platt scaling. */
    public static final String PLATT = "platt";

    /**
     * Checks that the fields describe one of the layouts above.
     *
     * @param version layout version
     * @param method calibration method
     * @param classes number of probability columns
     * @param scoreColumns number of score columns
     * @param sigmoids the fitted sigmoids, copied
     * @throws IllegalArgumentException naming the first inconsistent field
     */
    public CalibrationModel {
        if (version != VERSION) {
            throw new IllegalArgumentException("version must be " + VERSION + ", got " + version);
        }
        if (!PLATT.equals(method)) {
            throw new IllegalArgumentException("method must be \"" + PLATT + "\", got " + method);
        }
        if (scoreColumns < 1) {
            throw new IllegalArgumentException("scoreColumns must be >= 1, got " + scoreColumns);
        }
        int expectedClasses = Math.max(2, scoreColumns);
        if (classes != expectedClasses) {
            throw new IllegalArgumentException("classes must be " + expectedClasses + " for scoreColumns "
                    + scoreColumns + ", got " + classes);
        }
        if (sigmoids == null || sigmoids.stream().anyMatch(s -> s == null)) {
            throw new IllegalArgumentException("sigmoids must be a list without nulls, got " + sigmoids);
        }
        int expectedSigmoids = scoreColumns <= 2 ? 1 : scoreColumns;
        if (sigmoids.size() != expectedSigmoids) {
            throw new IllegalArgumentException("sigmoids must hold " + expectedSigmoids + " sigmoids for scoreColumns "
                    + scoreColumns + ", got " + sigmoids.size());
        }
        sigmoids = List.copyOf(sigmoids);
    }
}
