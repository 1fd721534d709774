package io.hingekit.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.hingekit.config.RunConfig;
import io.hingekit.data.DataSplits;
import io.hingekit.data.DatasetLoader;
import io.hingekit.data.LabeledData;
import io.hingekit.model.DeviceSelector;
import io.hingekit.model.ModelDirectory;
import io.hingekit.model.TrainedModel;
import java.io.IOException;
import java.util.Iterator;

/**
 * Embeds one split of a trained embedding model's dataset batch by batch on the device: the
 * {@link EmbeddingSource} behind {@code export}. Item ids are row indices within the split.
 */
public final class ModelEmbeddingSource implements EmbeddingSource {

    private final TrainedModel model;
    private final NDManager manager;
    private final LabeledData split;
    private final int batchSize;
    private final EmbeddingMetadata metadata;

    private ModelEmbeddingSource(TrainedModel model, NDManager manager, LabeledData split, int batchSize,
            EmbeddingMetadata metadata) {
        this.model = model;
        this.manager = manager;
        this.split = split;
        this.batchSize = batchSize;
        this.metadata = metadata;
    }

    /**
     * Opens the source a request describes; matches {@code EmbeddingSourceFactory}.
     *
     * @param request model directory, data, split, batch size and device
     * @return the source (close it)
     * @throws IOException when the model or data cannot be read
     */
    public static EmbeddingSource open(EmbeddingRequest request) throws IOException {
        Device device = DeviceSelector.resolve(request.device())[0];
        TrainedModel model = TrainedModel.load(request.modelDir(), device);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            RunConfig config = model.config();
            if (!config.model().isEmbedding()) {
                throw new IllegalArgumentException(request.modelDir() + " is a classifier (model.type "
                        + config.model().type().word() + ") with no embedding head; export needs an embedding model"
                        + " (mlp-embedding or cnn-embedding)");
            }
            DataSplits splits = new DatasetLoader(DatasetLoader.defaultCacheDir())
                    .load(config.data(), request.dataDir(), config.seed(), manager,
                            new ModelDirectory(request.modelDir()).savedScaler());
            LabeledData split = splits.split(request.split());
            EmbeddingMetadata metadata = EmbeddingMetadata.ofModel(request.modelDir(), config,
                    config.data().source().word() + "/" + request.split(), split.classNames());
            return new ModelEmbeddingSource(model, manager, split, request.batchSize(), metadata);
        } catch (IOException | RuntimeException e) {
            manager.close();
            model.close();
            throw e;
        }
    }

    @Override
    public int dimension() {
        return model.info().outputs();
    }

    @Override
    public long count() {
        return split.size();
    }

    @Override
    public EmbeddingMetadata metadata() {
        return metadata;
    }

    @Override
    public Iterator<EmbeddingBatch> batches() {
        return EmbeddingSource.inRanges(split.size(), batchSize, this::embed);
    }

    private EmbeddingBatch embed(int start, int end) {
        try (NDManager scratch = manager.newSubManager()) {
            NDIndex rows = new NDIndex(start + ":" + end);
            NDArray x = split.features().get(rows);
            x.attach(scratch);
            NDArray embeddings = model.predict(new NDList(x)).head();
            embeddings.attach(scratch);
            long[] ids = new long[end - start];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = start + i;
            }
            NDArray labels = split.labels().get(rows);
            labels.attach(scratch);
            int[] labelValues = labels.toType(DataType.INT32, false).toIntArray();
            return EmbeddingBatch.fromNDArray(ids, labelValues, embeddings, thumbnails(x));
        }
    }

    private static Thumbnails thumbnails(NDArray images) {
        long[] shape = images.getShape().getShape();
        if (shape.length != 4) {
            return null;
        }
        // (N, C, H, W) to (N, H, W, C): the sprite wants pixels row by row.
        float[] pixels = images.transpose(0, 2, 3, 1).toFloatArray();
        return Thumbnails.fromUnitFloats((int) shape[3], (int) shape[2], (int) shape[1], pixels);
    }

    @Override
    public void close() {
        manager.close();
        model.close();
    }
}
