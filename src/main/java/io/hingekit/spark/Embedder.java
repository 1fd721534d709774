package io.hingekit.spark;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.data.FeatureScaler;
import io.hingekit.inference.InputRows;
import io.hingekit.inference.ModelInputs;
import io.hingekit.model.ModelDirectory;
import io.hingekit.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;

/** A trained embedding model ready to embed raw rows (or rows already scaled) as {@code export} does. */
final class Embedder implements AutoCloseable {

    private final TrainedModel model;
    private final FeatureScaler scaler;
    private final Shape sampleShape;

    private Embedder(TrainedModel model, FeatureScaler scaler) {
        this.model = model;
        this.scaler = scaler;
        this.sampleShape = new Shape(model.info().sampleShape());
    }

    /**
     * Loads the embedding model of a directory.
     *
     * @param modelDir the model directory
     * @param device where to run it
     * @return the embedder
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException for a classifier
     */
    static Embedder open(Path modelDir, Device device) throws IOException {
        TrainedModel model = TrainedModel.load(modelDir, device);
        try {
            if (!model.config().model().isEmbedding()) {
                throw new IllegalArgumentException(modelDir + " is a classifier (model.type "
                        + model.config().model().type().word() + ") with no embedding head; export needs an embedding"
                        + " model (mlp-embedding or cnn-embedding)");
            }
            return new Embedder(model, new ModelDirectory(modelDir).savedScaler());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    TrainedModel model() {
        return model;
    }

    int featureCount() {
        return Math.toIntExact(sampleShape.size());
    }

    /**
     * Embeds a batch.
     *
     * @param manager owns the arrays made here
     * @param batch the rows
     * @param scaled whether the rows are already scaled (a split loaded with the model's scaler)
     * @return the vectors, row-major
     */
    float[] embed(NDManager manager, InputRows.Batch batch, boolean scaled) {
        NDArray x = ModelInputs.of(manager, batch, sampleShape, scaled ? null : scaler);
        return model.predict(new NDList(x)).head().toFloatArray();
    }

    @Override
    public void close() {
        model.close();
    }
}
