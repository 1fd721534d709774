package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.hingekit.mining.MetricHingeLoss;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates an embedding network on one split. During training it averages the batches' losses as the optimizer
 * saw them; in an evaluation pass it mines each batch once ({@link MetricHingeLoss#perTerm}), averages the hinge
 * over every term (mined triplet or pair, zeros included) and keeps the loss's distributions (a triplet loss's gaps
 * {@code d(a,n) - d(a,p)}, a pair loss's distances) for histograms, then measures leave-one-out retrieval over every
 * embedding of the split with {@link RetrievalMetrics}. Sums stay on the device until {@link #finish()}.
 */
public final class EmbeddingEvaluator implements SplitEvaluator {

    private final MetricHingeLoss loss;
    private final NDManager manager;
    private final NDList embeddings = new NDList();
    private final NDList labels = new NDList();
    private final Map<String, NDList> distributions = new LinkedHashMap<>();
    private NDArray lossSum;
    private long terms;

    /**
     * Creates an evaluator.
     *
     * @param loss the embedding loss the run optimises (its per-term values)
     * @param parent the manager whose device the accumulated arrays live on
     */
    public EmbeddingEvaluator(MetricHingeLoss loss, NDManager parent) {
        this.loss = loss;
        this.manager = parent.newSubManager();
    }

    @Override
    public void add(NDArray batchLabels, NDList predictions, NDArray batchLoss) {
        // Every mined term counts, zero losses included: a mean over the violating terms only can rise while the
        // embedding improves (fewer, harder violators), which would stop a run too early.
        MetricHingeLoss.PerTerm perTerm = loss.perTerm(new NDList(batchLabels), predictions);
        NDArray losses = perTerm.losses().toType(DataType.FLOAT32, false);
        accumulate(losses.sum(), losses.size());
        perTerm.distributions().forEach((name, values) -> distributions
                .computeIfAbsent(name, key -> new NDList()).add(keep(values.toType(DataType.FLOAT32, false))));
        embeddings.add(keep(predictions.head()));
        labels.add(keep(batchLabels));
    }

    private void accumulate(NDArray sum, long count) {
        lossSum = lossSum == null ? keep(sum) : lossSum.addi(sum);
        terms += count;
    }

    private NDArray keep(NDArray array) {
        NDArray copy = array.duplicate();
        copy.attach(manager);
        return copy;
    }

    @Override
    public SplitResult finish() {
        if (lossSum == null) {
            throw new IllegalStateException("no batch was added");
        }
        double meanLoss = terms == 0 ? 0 : lossSum.getFloat() / terms;
        try (NDManager scratch = manager.newSubManager()) {
            NDArray all = NDArrays.concat(embeddings);
            NDArray y = NDArrays.concat(labels);
            all.attach(scratch);
            y.attach(scratch);
            RetrievalReport retrieval = RetrievalMetrics.builder().build().evaluate(all, y);
            Map<String, Double> scalars = new LinkedHashMap<>();
            scalars.put(MetricNames.PRECISION_AT_1, retrieval.precisionAt1());
            scalars.put(MetricNames.R_PRECISION, retrieval.rPrecision());
            scalars.put(MetricNames.MAP_AT_R, retrieval.mapAtR());
            scalars.put(MetricNames.RECALL_AT_1, retrieval.recallAt1());
            scalars.put(MetricNames.RECALL_AT_5, retrieval.recallAt5());
            scalars.put(MetricNames.RECALL_AT_10, retrieval.recallAt10());
            scalars.put(MetricNames.KNN_ACCURACY, retrieval.knnAccuracy());
            scalars.put(MetricNames.SKIPPED_QUERIES, (double) retrieval.skippedQueries());
            Map<String, float[]> histograms = new LinkedHashMap<>();
            distributions.forEach((name, parts) -> histograms.put(name, NDArrays.concat(parts).toFloatArray()));
            return new SplitResult(meanLoss, null, scalars, histograms);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
