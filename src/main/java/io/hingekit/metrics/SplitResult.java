package io.hingekit.metrics;

import java.util.Map;

/**
 * The summary of one split at one moment.
 *
 * @param loss the split's mean loss (the early-stopping criterion on validation)
 * @param margins margin health (classifiers), or null (embedding runs)
 * @param scalars further named scalars, for example {@code precision_at_1}
 * @param distributions named value arrays to draw histograms of
 */
public record SplitResult(
        double loss, MarginReport margins, Map<String, Double> scalars, Map<String, float[]> distributions) {}
