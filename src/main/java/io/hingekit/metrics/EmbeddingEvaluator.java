package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates an embedding network on one split. During training it averages the batches' triplet losses (kept on
 * the device); in an evaluation pass it collects every embedding, then mines the whole split at once for the loss
 * and measures leave-one-out retrieval with {@link RetrievalMetrics}.
 */
public final class EmbeddingEvaluator implements SplitEvaluator {

    private final Loss loss;
    private final boolean training;
    private final NDManager manager;
    private final NDList embeddings = new NDList();
    private final NDList labels = new NDList();
    private NDArray lossSum;
    private int batches;

    /**
     * Creates an evaluator.
     *
     * @param loss the triplet loss the run optimises
     * @param training whether batches come from training steps (their loss is averaged) or an evaluation pass
     * @param parent the manager whose device the accumulated arrays live on
     */
    public EmbeddingEvaluator(Loss loss, boolean training, NDManager parent) {
        this.loss = loss;
        this.training = training;
        this.manager = parent.newSubManager();
    }

    @Override
    public void add(NDArray batchLabels, NDList predictions, NDArray batchLoss) {
        if (training) {
            NDArray value = batchLoss.toType(DataType.FLOAT32, false);
            lossSum = lossSum == null ? keep(value) : lossSum.addi(value);
            batches++;
            return;
        }
        embeddings.add(keep(predictions.head()));
        labels.add(keep(batchLabels));
    }

    private NDArray keep(NDArray array) {
        NDArray copy = array.duplicate();
        copy.attach(manager);
        return copy;
    }

    @Override
    public SplitResult finish() {
        if (training) {
            if (batches == 0) {
                throw new IllegalStateException("no batch was added");
            }
            return new SplitResult(lossSum.getFloat() / batches, null, Map.of(), Map.of());
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray all = NDArrays.concat(embeddings);
            NDArray y = NDArrays.concat(labels);
            all.attach(scratch);
            y.attach(scratch);
            double splitLoss = loss.evaluate(new NDList(y), new NDList(all)).getFloat();
            RetrievalReport retrieval = RetrievalMetrics.builder().build().evaluate(all, y);
            Map<String, Double> scalars = new LinkedHashMap<>();
            scalars.put("precision_at_1", retrieval.precisionAt1());
            scalars.put("r_precision", retrieval.rPrecision());
            scalars.put("map_at_r", retrieval.mapAtR());
            scalars.put("recall_at_1", retrieval.recallAt1());
            scalars.put("recall_at_5", retrieval.recallAt5());
            scalars.put("recall_at_10", retrieval.recallAt10());
            scalars.put("knn_accuracy", retrieval.knnAccuracy());
            scalars.put("skipped_queries", (double) retrieval.skippedQueries());
            return new SplitResult(splitLoss, null, scalars, Map.of());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
