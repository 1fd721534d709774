package io.hingekit.serve;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.calibration.Calibrator;
import io.hingekit.files.FileChecksum;
import io.hingekit.files.NpyMatrix;
import io.hingekit.inference.InputRows;
import io.hingekit.inference.Scorer;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One model as the server runs it: the {@link Scorer} (saved scaling included), its calibrators when
 * {@code calibration.json} exists, its reference margins for live drift, and what identifies it (name, version,
 * SHA-256 of its parameters). {@link #score} is called by one batching thread at a time.
 */
final class ServedModel implements AutoCloseable {

    private final String name;
    private final Path directory;
    private final Scorer scorer;
    private final Calibrator calibrator;
    private final NpyMatrix reference;
    private final String sha256;
    private final NDManager manager;

    private ServedModel(String name, Path directory, Scorer scorer, Calibrator calibrator, NpyMatrix reference,
            String sha256, NDManager manager) {
        this.name = name;
        this.directory = directory;
        this.scorer = scorer;
        this.calibrator = calibrator;
        this.reference = reference;
        this.sha256 = sha256;
        this.manager = manager;
    }

    /**
     * Loads a classifier for serving, under its run's name ({@code name} in its config).
     *
     * @param directory the model directory
     * @param taken a name already served, which this model's name gets {@code -canary} appended to (may be null)
     * @param device the device
     * @return the model
     * @throws IOException when a file cannot be read
     */
    static ServedModel open(Path directory, String taken, Device device) throws IOException {
        Scorer scorer = Scorer.open(directory, device);
        try {
            String runName = scorer.model().config().name();
            String name = runName.equals(taken) ? runName + "-canary" : runName;
            ModelDirectory dir = new ModelDirectory(directory);
            return new ServedModel(name, directory, scorer, dir.savedCalibrator(), dir.savedReferenceMargins(),
                    FileChecksum.sha256(dir.parameters()),
                    NDManager.newBaseManager(device));
        } catch (IOException | RuntimeException e) {
            scorer.close();
            throw e;
        }
    }

    /** Returns the name the model is served under. */
    String name() {
        return name;
    }

    /** Returns the model directory. */
    Path directory() {
        return directory;
    }

    /** Returns the SHA-256 of the served parameters. */
    String sha256() {
        return sha256;
    }

    /** Returns the version: the first 12 hex digits of the parameters' SHA-256. */
    String version() {
        String hex = sha256.substring(sha256.indexOf(':') + 1);
        return hex.substring(0, Math.min(12, hex.length()));
    }

    /** Returns the model's class names. */
    List<String> classNames() {
        return scorer.classNames();
    }

    /** Returns the number of input values per row. */
    int featureCount() {
        return scorer.featureCount();
    }

    /** Returns the loss's margin: a gap below it is inside the margin. */
    double margin() {
        return scorer.task().margin();
    }

    /** Returns the validation margins saved at training time (label, predicted, signed margin, gap), or null. */
    NpyMatrix reference() {
        return reference;
    }

    /** Returns whether probabilities are served. */
    boolean calibrated() {
        return calibrator != null;
    }

    /**
     * Scores rows in one device call.
     *
     * @param rows the rows, each {@link #featureCount()} values
     * @return one prediction per row (without ids)
     */
    Prediction[] score(float[][] rows) {
        int width = featureCount();
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        try (NDManager batch = manager.newSubManager()) {
            Scorer.RowScores scored = scorer.score(batch, new InputRows.Batch(flat, rows.length, null, 0, 1f));
            int outputs = scored.scores().length / rows.length;
            float[][] heads = heads(scored.predictions());
            Prediction[] out = new Prediction[rows.length];
            for (int i = 0; i < rows.length; i++) {
                float[] scores = Arrays.copyOfRange(scored.scores(), i * outputs, (i + 1) * outputs);
                double[] probabilities = calibrator == null ? null : calibrator.probabilities(toDoubles(scores));
                float[][] rowHeads = new float[heads.length][];
                for (int h = 0; h < heads.length; h++) {
                    int headWidth = heads[h].length / rows.length;
                    rowHeads[h] = Arrays.copyOfRange(heads[h], i * headWidth, (i + 1) * headWidth);
                }
                int predicted = (int) scored.predicted()[i];
                out[i] = new Prediction(null, name, predicted, classNames().get(predicted), scores,
                        scored.gaps()[i], probabilities, rowHeads);
            }
            return out;
        }
    }

    private static float[][] heads(NDList predictions) {
        float[][] heads = new float[predictions.size()][];
        for (int h = 0; h < heads.length; h++) {
            heads[h] = predictions.get(h).toType(DataType.FLOAT32, false).toFloatArray();
        }
        return heads;
    }

    /**
     * Computes the signed margin and hinge loss of an earlier prediction once its label is known.
     *
     * @param prediction the prediction, with its heads
     * @param label the true class
     * @return {signed margin, hinge loss}
     */
    double[] feedback(Prediction prediction, int label) {
        try (NDManager scratch = manager.newSubManager()) {
            NDList predictions = new NDList();
            for (float[] head : prediction.heads()) {
                predictions.add(scratch.create(head, new Shape(1, head.length)));
            }
            NDArray labels = scratch.create(new float[] {label});
            NDArray rows = scorer.task().marginRows(labels, predictions);
            float margin = rows.toFloatArray()[2];
            float loss = scorer.task().perSampleLoss(labels, predictions).toFloatArray()[0];
            return new double[] {margin, loss};
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
        scorer.close();
    }
}
