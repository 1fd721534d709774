package io.hingekit.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.calibration.Calibrator;
import io.hingekit.data.FeatureScaler;
import io.hingekit.files.NpyMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of a model directory written by {@code train}: every file name in one place, so that training,
 * inference, export and the lifecycle commands agree on where things are.
 *
 * <pre>
 * config.yaml        the resolved run config
 * model-info.json    outputs, input shape and class names ({@link ModelInfo})
 * model.params       the selected parameters (best validation figure, {@code training.selectBy})
 * metrics.json       per-epoch history and final metrics
 * checkpoints/       epoch-NNNN/ directories and LATEST, for {@code --resume}
 * preprocessing.json the feature scaling fitted on the training split ({@code data.normalize}), when set
 * reference-margins.npy  the validation split's label, prediction, signed margin and gap (float32, n x 4): the
 *                    default reference of {@code drift}
 * calibration.json   Platt calibrators ({@code calibrate})
 * reliability.png    reliability diagram before and after calibration
 * gate.json          the last gate verdict ({@code gate}, or {@code train} with a gate section)
 * train.lock         the OS file lock a {@code train} process holds while it writes here (its PID inside)
 * </pre>
 *
 * <p>{@code train} writes the model files (parameters, preprocessing, reference margins, metrics, model info and,
 * last, the config) only when the run is complete; until then the directory holds checkpoints only, so a
 * directory with {@code config.yaml} is a finished run.
 *
 * @param root the directory
 */
public record ModelDirectory(Path root) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** File of the resolved config. */
    public static final String CONFIG = "config.yaml";
    /** File describing outputs, input shape and class names. */
    public static final String INFO = "model-info.json";
    /** File of the selected parameters. */
    public static final String PARAMETERS = "model.params";
    /** File of the run's metrics. */
    public static final String METRICS = "metrics.json";
    /** Directory of the epoch checkpoints. */
    public static final String CHECKPOINTS = "checkpoints";
    /** File of the feature scaling. */
    public static final String PREPROCESSING = "preprocessing.json";
    /** File of the validation split's reference margins. */
    public static final String REFERENCE_MARGINS = "reference-margins.npy";
    /** File of the calibrators. */
    public static final String CALIBRATION = "calibration.json";
    /** File of the reliability diagram. */
    public static final String RELIABILITY = "reliability.png";
    /** File of the gate verdict. */
    public static final String GATE = "gate.json";
    /** Lock file of the {@code train} process writing the directory. */
    public static final String LOCK = "train.lock";

    /** Returns the resolved config file. */
    public Path config() {
        return root.resolve(CONFIG);
    }

    /** Returns the model-info file. */
    public Path info() {
        return root.resolve(INFO);
    }

    /** Returns the selected-parameters file. */
    public Path parameters() {
        return root.resolve(PARAMETERS);
    }

    /** Returns the metrics file. */
    public Path metrics() {
        return root.resolve(METRICS);
    }

    /** Returns the checkpoints directory. */
    public Path checkpoints() {
        return root.resolve(CHECKPOINTS);
    }

    /** Returns the feature-scaling file (present when the config normalises). */
    public Path preprocessing() {
        return root.resolve(PREPROCESSING);
    }

    /**
     * Reads {@code model-info.json}: outputs, input shape and class names.
     *
     * @return the model's info
     * @throws IOException when the file cannot be read
     */
    public ModelInfo readInfo() throws IOException {
        return JSON.readValue(info().toFile(), ModelInfo.class);
    }

    /**
     * Reads the feature scaling saved with the model.
     *
     * @return the scaler, or null when the model was trained without one
     * @throws IOException when the file exists but cannot be read
     */
    public FeatureScaler savedScaler() throws IOException {
        return Files.isRegularFile(preprocessing()) ? FeatureScaler.read(preprocessing()) : null;
    }

    /** Returns the reference-margins file. */
    public Path referenceMargins() {
        return root.resolve(REFERENCE_MARGINS);
    }

    /**
     * Reads the validation margins saved with the model.
     *
     * @return the matrix, or null when the model has none
     * @throws IOException when the file exists but cannot be read
     */
    public NpyMatrix savedReferenceMargins() throws IOException {
        return Files.isRegularFile(referenceMargins()) ? NpyMatrix.read(referenceMargins()) : null;
    }

    /** Returns the calibration file. */
    public Path calibration() {
        return root.resolve(CALIBRATION);
    }

    /**
     * Reads the calibration written by {@code calibrate}.
     *
     * @return the calibrator, or null when the model was not calibrated
     * @throws IOException when the file exists but cannot be read
     */
    public Calibrator savedCalibrator() throws IOException {
        return Files.isRegularFile(calibration()) ? Calibrator.read(calibration()) : null;
    }

    /** Returns the reliability-diagram file. */
    public Path reliability() {
        return root.resolve(RELIABILITY);
    }

    /** Returns the gate-verdict file. */
    public Path gate() {
        return root.resolve(GATE);
    }

    /** Returns the lock file of the {@code train} process writing the directory. */
    public Path lock() {
        return root.resolve(LOCK);
    }

    /**
     * Checks that the directory holds a trained model (config, info and parameters).
     *
     * @return this directory
     * @throws IllegalArgumentException naming the first missing file
     */
    public ModelDirectory requireTrained() {
        for (Path required : new Path[] {config(), info(), parameters()}) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalArgumentException(root + " is not a Hingekit model directory: " + required
                        + " is missing");
            }
        }
        return this;
    }
}
