package io.hingekit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;

/**
 * One split of a labelled dataset held as two arrays: features (N, ...) as float32 and labels (N) as float32
 * class indices. The arrays belong to the manager that loaded them.
 *
 * @param features the features, first axis = sample
 * @param labels the class index of each sample, as float32 (DJL's convention for sparse labels)
 * @param classNames class names, index = label
 */
public record LabeledData(NDArray features, NDArray labels, List<String> classNames) {

    /** Checks that features and labels agree in length and that features are finite. */
    public LabeledData {
        if (features.getShape().get(0) != labels.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "features have " + features.getShape().get(0) + " rows but labels have " + labels.size());
        }
        FiniteCheck.requireFinite(features, "features");
    }

    /** Returns the number of samples. */
    public int size() {
        return Math.toIntExact(labels.size());
    }

    /** Returns the number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** Returns the labels as Java ints (a host copy, for samplers and reports). */
    public int[] labelArray() {
        return labels.toType(DataType.INT32, false).toIntArray();
    }

    /**
     * Returns the rows at the given indices as a new split owned by {@code manager}.
     *
     * @param indices row indices (int64 array)
     * @param manager the manager that will own the copies
     * @return the selected rows
     */
    public LabeledData select(NDArray indices, NDManager manager) {
        NDArray x = features.get(indices);
        NDArray y = labels.get(indices);
        x.attach(manager);
        y.attach(manager);
        return new LabeledData(x, y, classNames);
    }

    /**
     * Wraps this split as a DJL dataset that yields batches in the order the sampler gives.
     *
     * @param sampler the batch sampler (seeded shuffle, sequence, or P x K)
     * @return an {@link ArrayDataset} over these arrays
     */
    public ArrayDataset toDataset(Sampler sampler) {
        return new ArrayDataset.Builder().setData(features).optLabels(labels).setSampling(sampler).build();
    }

    /** Receives one batch of a split. */
    @FunctionalInterface
    public interface BatchConsumer {
        /**
         * Takes a batch; its arrays are closed after the call.
         *
         * @param labels the labels (N)
         * @param features the features (N, ...)
         */
        void accept(NDArray labels, NDList features);
    }

    /**
     * Hands the split to a consumer in order, in batches of at most {@code batchSize}: the evaluation passes of
     * training and the lifecycle commands walk a split the same way, so their figures agree bit for bit.
     *
     * @param batchSize rows per batch
     * @param manager the manager the batches are made on
     * @param consumer what receives each batch
     * @throws IOException when the data cannot be iterated
     */
    public void inBatches(int batchSize, NDManager manager, BatchConsumer consumer) throws IOException {
        try {
            for (Batch batch : toDataset(new ShuffleSampler(batchSize, false, 0)).getData(manager)) {
                try (batch) {
                    consumer.accept(batch.getLabels().head(), batch.getData());
                }
            }
        } catch (TranslateException e) {
            throw new IOException("cannot iterate the data: " + e.getMessage(), e);
        }
    }
}
