package io.hingekit.training;

import io.hingekit.metrics.SplitResult;
import java.util.List;

/**
 * The validation figure ({@code training.selectBy}) that picks the saved model and drives early stopping: the loss
 * (lower is better), or a figure where higher is better (classifier accuracy, embedding retrieval metrics).
 *
 * @param name the figure's name as in the config and the metrics
 * @param higherIsBetter whether larger values are better
 */
public record SelectionCriterion(String name, boolean higherIsBetter) {

    /** A change smaller than this is not an improvement. */
    static final double IMPROVEMENT = 1e-6;

    private static final List<String> CLASSIFIER = List.of("loss", "accuracy");
    private static final List<String> EMBEDDING =
            List.of("map_at_r", "precision_at_1", "r_precision", "knn_accuracy", "loss");

    /**
     * Resolves the configured name; classifier runs default to the loss, embedding runs to MAP@R (as
     * pytorch-metric-learning's default primary metric).
     *
     * @param selectBy the configured name, or null for the default
     * @param embedding whether the run trains an embedding
     * @return the criterion
     * @throws IllegalArgumentException if the name does not fit the run
     */
    public static SelectionCriterion of(String selectBy, boolean embedding) {
        List<String> allowed = embedding ? EMBEDDING : CLASSIFIER;
        String name = selectBy == null ? allowed.get(0) : selectBy;
        if (!allowed.contains(name)) {
            throw new IllegalArgumentException("training.selectBy must be one of " + String.join(", ", allowed)
                    + " for " + (embedding ? "an embedding" : "a classifier") + " run, got '" + name + "'");
        }
        return new SelectionCriterion(name, !name.equals("loss"));
    }

    /**
     * Returns the worst possible value, the starting point of a run.
     *
     * @return -infinity or +infinity
     */
    public double initial() {
        return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /**
     * Reads the figure from a validation result.
     *
     * @param validation the validation split's result
     * @return the value
     */
    public double value(SplitResult validation) {
        return switch (name) {
            case "loss" -> validation.loss();
            case "accuracy" -> validation.margins().accuracy();
            default -> validation.scalars().get(name);
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
        return higherIsBetter ? value > best + IMPROVEMENT : value < best - IMPROVEMENT;
    }
}
