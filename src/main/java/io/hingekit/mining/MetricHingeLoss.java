package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.hingekit.loss.LossDiagnostics;
import io.hingekit.loss.PerSampleLoss;
import io.hingekit.loss.ResultScope;
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
        super(builder.getName());
        this.margin = builder.getMargin();
        this.distance = builder.distance;
        this.miner = builder.miner;
        this.squared = builder.squared;
        this.reduction = builder.reduction;
    }

    /**
     * One batch's per-term losses and the per-term values that show the margin health of an embedding, for
     * histograms, from one distance matrix and one mining pass.
     *
     * @param losses the loss of each term (mined triplet or pair), shape (T), T may be 0
     * @param distributions one-dimensional arrays by name, in a stable order: a triplet loss's gaps
     *     {@code d(a,n) - d(a,p)}, a pair loss's positive and negative distances
     */
    public record PerTerm(NDArray losses, Map<String, NDArray> distributions) {}

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
            return scope.keep(computePerTerm(labels, predictions).losses());
        }
    }

    /**
     * Returns the per-term losses together with the loss's distributions, computed once.
     *
     * @param labels the class ids, as for {@code evaluate}
     * @param predictions the embeddings, as for {@code evaluate}
     * @return the losses and the distributions
     */
    public final PerTerm perTerm(NDList labels, NDList predictions) {
        try (ResultScope scope = new ResultScope()) {
            PerTerm values = computePerTerm(labels, predictions);
            scope.keep(values.losses());
            values.distributions().values().forEach(scope::keep);
            return values;
        }
    }

    /** Computes the per-term losses and distributions inside the caller's scope. */
    abstract PerTerm computePerTerm(NDList labels, NDList predictions);
}
