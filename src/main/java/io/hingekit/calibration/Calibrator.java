package io.hingekit.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a hinge model's scores into class probabilities with Platt sigmoids fitted on a validation split, the way
 * scikit-learn's {@code CalibratedClassifierCV(method='sigmoid', cv='prefit')} does.
 *
 * <p>Scores are an n x C array:
 * <ul>
 *   <li>C = 1, a binary model's single score (label 1 is the positive class): one sigmoid; probabilities
 *       {@code [1 - p, p]}.
 *   <li>C = 2, a two-column model: one sigmoid on {@code s1 - s0}, probabilities {@code [1 - p, p]}. The difference
 *       is the model's binary decision value (it predicts class 1 exactly when {@code s1 > s0}) and does not change
 *       when both scores shift together. This is what scikit-learn's binary path does with a single decision value
 *       (version 1.2 raises IndexError when handed two columns).
 *   <li>C &gt;= 3: one sigmoid per class, fitted one-vs-rest on column k with target {@code label == k}; each row of
 *       sigmoid outputs is divided by its sum, or is uniform {@code 1/C} where the sum is 0.
 * </ul>
 * Probabilities that rounding lifts above 1 are set to 1. Immutable and thread-safe.
 */
public final class Calibrator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int scoreColumns;
    private final List<Sigmoid> sigmoids;

    private Calibrator(int scoreColumns, List<Sigmoid> sigmoids) {
        this.scoreColumns = scoreColumns;
        this.sigmoids = List.copyOf(sigmoids);
    }

    /**
     * Fits the sigmoids on a validation split's frozen scores with {@link PlattScaling}.
     *
     * @param scores n x C scores, all rows of the same length C &gt;= 1, all finite
     * @param labels n class ids: 0 or 1 when C &lt;= 2, 0..C-1 otherwise; every class must occur
     * @return the fitted calibrator
     * @throws IllegalArgumentException when the shapes disagree, a score is NaN or infinite, a label is out of range
     *     or a class has no sample
     */
    public static Calibrator fit(double[][] scores, int[] labels) {
        int columns = checkScores(scores, -1, "scores");
        if (labels == null || labels.length != scores.length) {
            throw new IllegalArgumentException("labels must have one value per score row (" + scores.length
                    + "), got " + (labels == null ? "null" : labels.length));
        }
        int classes = Math.max(2, columns);
        int[] counts = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + classes + "), got "
                        + labels[i]);
            }
            counts[labels[i]]++;
        }
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("labels has no sample of class " + k + " (of " + classes
                        + "): every class needs validation samples");
            }
        }
        List<Sigmoid> fitted = new ArrayList<>();
        if (columns <= 2) {
            boolean[] positive = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                positive[i] = labels[i] == 1;
            }
            fitted.add(PlattScaling.fit(column(scores, columns, 0), positive));
        } else {
            for (int k = 0; k < columns; k++) {
                boolean[] positive = new boolean[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    positive[i] = labels[i] == k;
                }
                fitted.add(PlattScaling.fit(column(scores, columns, k), positive));
            }
        }
        return new Calibrator(columns, fitted);
    }

    /**
     * A calibrator from stored parameters.
     *
     * @param model the parameters, already checked by {@link CalibrationModel}'s constructor
     * @return the calibrator
     */
    public static Calibrator of(CalibrationModel model) {
        return new Calibrator(model.scoreColumns(), model.sigmoids());
    }

    /**
     * The calibrated probabilities of a batch of scores.
     *
     * @param scores n x C scores with the C this calibrator was fitted on, all finite
     * @return n x {@link #classes()} probabilities, each row summing to 1 up to rounding
     * @throws IllegalArgumentException when a row has the wrong length or a score is NaN or infinite
     */
    public double[][] probabilities(double[][] scores) {
        checkScores(scores, scoreColumns, "scores");
        double[][] out = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = row(scores[i]);
        }
        return out;
    }

    /**
     * The calibrated probabilities of one sample.
     *
     * @param scores the sample's C scores, all finite
     * @return {@link #classes()} probabilities
     * @throws IllegalArgumentException when the row has the wrong length or a score is NaN or infinite
     */
    public double[] probabilities(double[] scores) {
        checkScores(new double[][] {scores}, scoreColumns, "scores");
        return row(scores);
    }

    /**
     * The fitted sigmoids: one for binary models (reading the single score or {@code s1 - s0}), else one per class.
     *
     * @return an unmodifiable list
     */
    public List<Sigmoid> sigmoids() {
        return sigmoids;
    }

    /**
     * The number of score columns C this calibrator reads.
     *
     * @return C
     */
    public int scoreColumns() {
        return scoreColumns;
    }

    /**
     * The number of probability columns: 2 for binary models, else C.
     *
     * @return the number of classes
     */
    public int classes() {
        return Math.max(2, scoreColumns);
    }

    /**
     * The parameters, for storing.
     *
     * @return the model record, method {@value CalibrationModel#PLATT}
     */
    public CalibrationModel toModel() {
        return new CalibrationModel(CalibrationModel.VERSION, CalibrationModel.PLATT, classes(), scoreColumns,
                sigmoids);
    }

    /**
     * The parameters as compact JSON.
     *
     * @return the JSON text of {@link #toModel()}
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toModel());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a calibration model as JSON", e);
        }
    }

    /**
     * Reads parameters written by {@link #toJson()} or {@link #write(Path)}.
     *
     * @param json the JSON text
     * @return the calibrator
     * @throws IOException when the text is not a valid calibration model (an inconsistent one is reported with its
     *     {@link IllegalArgumentException} as the cause)
     */
    public static Calibrator fromJson(String json) throws IOException {
        return of(JSON.readValue(json, CalibrationModel.class));
    }

    /**
     * Writes the parameters as indented JSON, all-or-nothing: into a temporary sibling file, then renamed over
     * {@code file} (see {@link AtomicFiles}).
     *
     * @param file the file to create or replace
     * @throws IOException when writing fails; {@code file} is then unchanged
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeJson(file, toModel());
    }

    /**
     * Reads parameters written by {@link #write(Path)}.
     *
     * @param file the JSON file
     * @return the calibrator
     * @throws IOException when the file cannot be read or is not a valid calibration model
     */
    public static Calibrator read(Path file) throws IOException {
        return of(JSON.readValue(file.toFile(), CalibrationModel.class));
    }

    @Override
    public String toString() {
        return "Calibrator" + toModel();
    }

    private double[] row(double[] scores) {
        if (scoreColumns <= 2) {
            double p = sigmoids.get(0).probability(binaryScore(scores));
            return new double[] {1.0 - p, p};
        }
        double[] p = new double[scoreColumns];
        double sum = 0.0;
        for (int k = 0; k < scoreColumns; k++) {
            p[k] = sigmoids.get(k).probability(scores[k]);
            sum += p[k];
        }
        for (int k = 0; k < scoreColumns; k++) {
            p[k] = sum == 0.0 ? 1.0 / scoreColumns : Math.min(1.0, p[k] / sum);
        }
        return p;
    }

    private static double binaryScore(double[] scores) {
        return scores.length == 1 ? scores[0] : scores[1] - scores[0];
    }

    /** The values the k-th sigmoid is fitted on: the binary score for C &lt;= 2, else column k. */
    private static double[] column(double[][] scores, int columns, int k) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = columns <= 2 ? binaryScore(scores[i]) : scores[i][k];
        }
        return out;
    }

    /**
     * Checks a score batch.
     *
     * @param expectedColumns the required row length, or -1 to take the first row's
     * @return the row length
     */
    private static int checkScores(double[][] scores, int expectedColumns, String name) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one row, got "
                    + (scores == null ? "null" : "0 rows"));
        }
        int columns = expectedColumns;
        for (int i = 0; i < scores.length; i++) {
            double[] row = scores[i];
            if (row == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            if (columns < 0) {
                columns = row.length;
                if (columns == 0) {
                    throw new IllegalArgumentException(name + "[0] must hold at least one score, got 0");
                }
            }
            if (row.length != columns) {
                throw new IllegalArgumentException(name + "[" + i + "] must hold " + columns + " scores, got "
                        + row.length);
            }
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite, got " + row[j]);
                }
            }
            if (columns == 2 && !Double.isFinite(row[1] - row[0])) {
                throw new IllegalArgumentException(name + "[" + i + "][1] - " + name + "[" + i
                        + "][0] overflows: " + row[1] + " - " + row[0]);
            }
        }
        return columns;
    }
}
