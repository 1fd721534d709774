package io.hingekit.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.data.FeatureScaler;
import io.hingekit.metrics.ScoreHead;
import io.hingekit.model.ModelDirectory;
import io.hingekit.model.TrainedModel;
import io.hingekit.task.ClassifierTask;
import io.hingekit.task.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained classifier ready to score raw input rows exactly as training evaluated them: pixels divided as the image
 * pipeline does, the saved feature scaling ({@code preprocessing.json}) applied, the network in inference mode.
 * What {@code score}, {@code report}, {@code calibrate}, {@code gate} and the server share.
 */
public final class Scorer implements AutoCloseable {

    private final TrainedModel model;
    private final ClassifierTask task;
    private final FeatureScaler scaler;
    private final Shape sampleShape;

    private Scorer(TrainedModel model, ClassifierTask task, FeatureScaler scaler) {
        this.model = model;
        this.task = task;
        this.scaler = scaler;
        this.sampleShape = new Shape(model.info().sampleShape());
    }

    /**
     * Loads the classifier of a model directory.
     *
     * @param modelDir the model directory
     * @param device where to run it
     * @return the scorer
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when the directory holds no model, or an embedding model
     */
    public static Scorer open(Path modelDir, Device device) throws IOException {
        ModelDirectory dir = new ModelDirectory(modelDir);
        TrainedModel model = TrainedModel.load(modelDir, device);
        try {
            Task task = Task.of(model.config(), model.info().classNames().size());
            if (!(task instanceof ClassifierTask classifier)) {
                throw new IllegalArgumentException(modelDir + " is an embedding model (model.type "
                        + model.config().model().type().word() + "): it has no class scores; use export");
            }
            return new Scorer(model, classifier, dir.savedScaler());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Returns the task: the hinge loss, heads and margins of the model. */
    public ClassifierTask task() {
        return task;
    }

    /** Returns the model's class names, index = label. */
    public List<String> classNames() {
        return model.info().classNames();
    }

    /** Returns the number of input values per sample. */
    public int featureCount() {
        return Math.toIntExact(sampleShape.size());
    }

    /** Returns the loaded model. */
    public TrainedModel model() {
        return model;
    }

    /**
     * Runs the network on a batch of raw rows.
     *
     * @param manager the manager that owns the arrays made here
     * @param batch raw rows
     * @return the network's outputs
     */
    public NDList predict(NDManager manager, InputRows.Batch batch) {
        return predictScaled(ModelInputs.of(manager, batch, sampleShape, scaler));
    }

    /**
     * What scoring gives per row, on the host; the network's outputs stay alive until the manager closes.
     *
     * @param rows number of rows
     * @param scores per-class scores of the hinge head, row-major ({@code rows * classes}; one per row for binary;
     *     for a one-vs-one head votes plus the squashed summed pairwise score, see {@code ClassPairs})
     * @param predicted predicted classes (primary head)
     * @param gaps label-free gaps
     * @param labels the labels on the device (float32), or null for unlabelled rows
     * @param margins signed margins, or null for unlabelled rows
     * @param losses per-sample hinge losses, or null for unlabelled rows
     * @param predictions the network's outputs
     */
    public record RowScores(int rows, float[] scores, long[] predicted, float[] gaps, NDArray labels, float[] margins,
            float[] losses, NDList predictions) {}

    /**
     * Scores a batch of raw rows: the network, then the hinge head's scores, the predicted class, the gap, and with
     * labels the signed margin and hinge loss, read back to the host once per array.
     *
     * @param manager the manager that owns the arrays made here
     * @param batch raw rows, labelled or not
     * @return the scores
     */
    public RowScores score(NDManager manager, InputRows.Batch batch) {
        NDList predictions = predict(manager, batch);
        ScoreHead head = task.head();
        float[] scores = head.classScores(predictions).toFloatArray();
        long[] predicted = head.predicted(predictions).toLongArray();
        float[] gaps = head.gap(predictions).toFloatArray();
        if (batch.labels() == null) {
            return new RowScores(batch.rows(), scores, predicted, gaps, null, null, null, predictions);
        }
        NDArray labels = manager.create(batch.labels()).toType(DataType.FLOAT32, false);
        return new RowScores(batch.rows(), scores, predicted, gaps, labels,
                head.signed(predictions, labels).toFloatArray(),
                task.perSampleLoss(labels, predictions).toFloatArray(), predictions);
    }

    /**
     * Applies the model's saved feature scaling, if any.
     *
     * @param raw raw features (N, sample shape)
     * @return the features the network takes
     */
    public NDArray scaled(NDArray raw) {
        return scaler == null ? raw : scaler.apply(raw);
    }

    /**
     * Runs the network on features already scaled (a split loaded with the model's scaler).
     *
     * @param features features (N, sample shape)
     * @return the network's outputs
     */
    public NDList predictScaled(NDArray features) {
        return model.predict(new NDList(features));
    }

    /** Returns the saved feature scaling, or null when the model has none. */
    public FeatureScaler scaler() {
        return scaler;
    }

    @Override
    public void close() {
        model.close();
    }
}
