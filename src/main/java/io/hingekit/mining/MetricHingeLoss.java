package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.hingekit.loss.LossDiagnostics;
import io.hingekit.loss.PerSampleLoss;
import java.util.Map;

/**
 * The shared frame of the hinge losses on embeddings ({@link TripletHingeLoss}, {@link ContrastiveHingeLoss}): the
 * properties every {@link MetricLossBuilder} sets, the per-term losses ({@code labels.get(0)} the class ids (N),
 * {@code predictions.get(0)} the embeddings (N, D)), and the per-term values an evaluation draws histograms of.
 */
public abstract class MetricHingeLoss extends Loss implements PerSampleLoss, LossDiagnostics {

    final float margin;
    final Distance distance;
    final Miner miner;
    final boolean squared;
    final Reduction reduction;

    MetricHingeLoss(MetricLossBuilder<?> builder) {
        super(builder.name);
        this.margin = builder.margin;
        this.distance = builder.distance;
        this.miner = builder.miner;
        this.squared = builder.squared;
        this.reduction = builder.reduction;
    }

    /**
     * Returns the loss of each term (mined triplet or pair), shape (T); {@code evaluate} is their reduction.
     *
     * @param labels the class ids, as for {@code evaluate}
     * @param predictions the embeddings, as for {@code evaluate}
     * @return the per-term losses (T may be 0)
     */
    @Override
    public final NDArray perSample(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            return scope.keep(losses(labels, predictions));
        }
    }

    /**
     * Returns named per-term values that show the margin health of an embedding, for histograms: a triplet loss's
     * gaps {@code d(a,n) - d(a,p)}, a pair loss's positive and negative distances.
     *
     * @param labels the class ids, as for {@code evaluate}
     * @param predictions the embeddings, as for {@code evaluate}
     * @return one-dimensional arrays by name, in a stable order
     */
    public abstract Map<String, NDArray> distributions(NDList labels, NDList predictions);

    /** Computes the per-term losses inside the caller's scope. */
    abstract NDArray losses(NDList labels, NDList predictions);
}
