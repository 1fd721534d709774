package io.hingekit.mining;

import io.hingekit.loss.LossBuilder;
import io.hingekit.util.Checks;

/**
 * The builder base of the metric hinge losses: {@link LossBuilder}'s name and margin plus the distance, miner,
 * squaring and reduction they share, so each loss's builder adds only its own properties.
 *
 * @param <T> the concrete builder
 */
public abstract class MetricLossBuilder<T extends MetricLossBuilder<T>> extends LossBuilder<T> {

    Distance distance = new EuclideanDistance();
    Miner miner;
    boolean squared;
    Reduction reduction = Reductions.MEAN_NONZERO;

    MetricLossBuilder(String defaultName, float defaultMargin, Miner defaultMiner) {
        super(defaultName, defaultMargin);
        this.miner = defaultMiner;
    }

    /**
     * Sets the distance between embeddings.
     *
     * @param distance e.g. {@link EuclideanDistance}
     * @return this builder
     */
    public T distance(Distance distance) {
        this.distance = distance;
        return self();
    }

    /**
     * Sets the miner that picks the triplets (or, for a pair loss, the pairs of the mined triplets).
     *
     * @param miner a triplet miner
     * @return this builder
     */
    public T miner(Miner miner) {
        this.miner = miner;
        return self();
    }

    /**
     * Squares the terms of the hinge (see the loss's formula).
     *
     * @param squared true for the squared form
     * @return this builder
     */
    public T squared(boolean squared) {
        this.squared = squared;
        return self();
    }

    /**
     * Sets how per-term losses become the batch loss.
     *
     * @param reduction e.g. {@link Reductions#MEAN}
     * @return this builder
     */
    public T reduction(Reduction reduction) {
        this.reduction = reduction;
        return self();
    }

    /** {@inheritDoc} Also the distance and the reduction. */
    @Override
    protected void checkShared() {
        super.checkShared();
        Checks.present("distance", distance);
        Checks.present("reduction", reduction);
    }
}
