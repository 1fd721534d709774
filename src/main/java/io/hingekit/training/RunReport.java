package io.hingekit.training;

import java.util.Map;

/**
 * What a finished training run reports: its final metrics and the validation predictions for PR curves.
 *
 * @param finalMetrics final metrics by name (for example {@code test/accuracy}, {@code validation/loss})
 * @param validationLabels labels of the validation samples (null for embedding runs)
 * @param validationScores scores of the validation samples, [sample][class] (null for embedding runs)
 */
public record RunReport(Map<String, Double> finalMetrics, int[] validationLabels, float[][] validationScores) {}
