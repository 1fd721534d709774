package io.hingekit.task;

import io.hingekit.config.SelectBy;
import io.hingekit.metrics.SplitResult;

/**
 * The validation figure ({@code training.selectBy}) that picks the saved model and drives early stopping, read from
 * a split's result: the loss (lower is better), or a figure where higher is better (classifier accuracy, embedding
 * retrieval metrics).
 *
 * @param figure the configured figure
 */
public record SelectionCriterion(SelectBy figure) {

    /** A change smaller than this is not an improvement. */
    static final double IMPROVEMENT = 1e-6;

    /** Returns the figure's name as in the config and the metrics. */
    public String name() {
        return figure.word();
    }

    /**
     * Returns the worst possible value, the starting point of a run.
     *
     * @return -infinity or +infinity
     */
    public double initial() {
        return figure.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /**
     * Reads the figure from a validation result.
     *
     * @param validation the validation split's result
     * @return the value
     */
    public double value(SplitResult validation) {
        return switch (figure) {
            case LOSS -> validation.loss();
            case ACCURACY -> validation.margins().accuracy();
            default -> validation.scalars().get(figure.word());
        };
    }

    /**
     * Tells whether a value beats the best so far by more than {@link #IMPROVEMENT}.
     *
     * @param value the new value
     * @param best the best so far
     * @return true if it is an improvement
     */
    public boolean improves(double value, double best) {
        return figure.higherIsBetter() ? value > best + IMPROVEMENT : value < best - IMPROVEMENT;
    }
}
