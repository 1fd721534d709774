package io.hingekit.mining;

import io.hingekit.util.Checks;

/**
 * The properties the metric hinge losses share (name, margin, distance, miner, squared, reduction), set through a
 * self-typed builder so each loss's builder adds only its own.
 *
 * @param <T> the concrete builder
 */
public abstract class MetricLossBuilder<T extends MetricLossBuilder<T>> {

    String name;
    float margin;
    Distance distance = new EuclideanDistance();
    Miner miner;
    boolean squared;
    Reduction reduction = Reductions.MEAN_NONZERO;

    MetricLossBuilder(String name, float margin, Miner miner) {
        this.name = name;
        this.margin = margin;
        this.miner = miner;
    }

    /** Returns this builder as its concrete type. */
    protected abstract T self();

    /**
     * Sets the loss name shown by DJL's training listeners.
     *
     * @param name non-blank
     * @return this builder
     */
    public T name(String name) {
        this.name = name;
        return self();
    }

    /**
     * Sets the margin of the hinge (see the loss's formula).
     *
     * @param margin finite and &gt;= 0
     * @return this builder
     */
    public T margin(float margin) {
        this.margin = margin;
        return self();
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

    /** Checks the shared properties; the builders call it from {@code build()}. */
    void checkShared() {
        Checks.nonBlank("name", name);
        Checks.nonNegativeFinite("margin", margin);
        Checks.present("distance", distance);
        Checks.present("reduction", reduction);
    }
}
