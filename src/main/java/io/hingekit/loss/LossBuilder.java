package io.hingekit.loss;

import io.hingekit.util.Checks;

/**
 * The builder base of Hingekit's margin losses, holding what every one of them has: the name DJL records the loss
 * under and the margin. It is self-typed, as DJL's extendable builders are ({@link #self()}), so that each family's
 * and each loss's builder adds only its own properties, each set by a method named after it ({@code margin(1f)}),
 * and {@code build()} checks them all.
 *
 * <p>Two families extend it: {@link AbstractHingeLoss.BaseBuilder} (the binary and multi-class hinge losses; adds
 * label validation) and {@code io.hingekit.mining.MetricLossBuilder} (the triplet and contrastive losses; adds the
 * distance, miner, squaring and reduction). {@link AuxiliaryHingeLoss} has no margin of its own and keeps its own
 * builder. Builders are not thread-safe.
 *
 * @param <T> the concrete builder, returned by each setter
 */
public abstract class LossBuilder<T extends LossBuilder<T>> {

    private String name;
    private float margin;

    /**
     * Starts a builder with a loss's defaults.
     *
     * @param defaultName the name unless {@link #name} sets another, usually the class's simple name
     * @param defaultMargin the margin unless {@link #margin} sets another
     */
    protected LossBuilder(String defaultName, float defaultMargin) {
        this.name = defaultName;
        this.margin = defaultMargin;
    }

    /**
     * Sets the name under which DJL records the loss (its accumulator and metric key).
     *
     * @param name non-blank
     * @return this builder
     */
    public T name(String name) {
        this.name = name;
        return self();
    }

    /**
     * Sets the margin of the hinge; the loss's Javadoc gives its formula and default.
     *
     * @param margin finite and &gt;= 0
     * @return this builder
     */
    public T margin(float margin) {
        this.margin = margin;
        return self();
    }

    /**
     * Returns the name set so far.
     *
     * @return the loss's name
     */
    public String getName() {
        return name;
    }

    /**
     * Returns the margin set so far.
     *
     * @return the margin
     */
    public float getMargin() {
        return margin;
    }

    /**
     * Checks the shared properties; each {@code build()} calls it first, and family builders extend it.
     *
     * @throws IllegalArgumentException if the name is blank or the margin negative or not finite
     */
    protected void checkShared() {
        Checks.nonBlank("name", name);
        Checks.nonNegativeFinite("margin", margin);
    }

    /**
     * Returns this builder as its concrete type.
     *
     * @return this builder
     */
    protected abstract T self();
}
