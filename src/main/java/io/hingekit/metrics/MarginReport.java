package io.hingekit.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Margin health of one split at one moment: how well the scores separate the classes, as numbers and as the
 * per-sample arrays that histograms are drawn from.
 *
 * @param count number of samples evaluated
 * @param meanLoss mean per-sample hinge loss
 * @param accuracy fraction of samples whose highest score is the label (binary: whose sign matches)
 * @param violationRate fraction of samples with loss &gt; 0 (inside the margin or misclassified)
 * @param tailThreshold the loss above which a sample counts as a high-loss tail sample
 * @param tailRatio fraction of samples with loss &gt; {@code tailThreshold}
 * @param perClassLoss mean loss of the samples of each class, NaN where a class has no sample
 * @param signedMargins per sample {@code y*f(x)} (binary) or {@code s_y - max_{j!=y} s_j} (multi-class)
 * @param perSampleLoss per sample hinge loss
 */
public record MarginReport(
        long count,
        double meanLoss,
        double accuracy,
        double violationRate,
        double tailThreshold,
        double tailRatio,
        float[] perClassLoss,
        float[] signedMargins,
        float[] perSampleLoss) {

    /**
     * Returns the report's scalar figures by metric name, in the order {@code metrics.json} lists them.
     *
     * @return loss, accuracy, violation rate and tail ratio
     */
    public Map<String, Double> scalars() {
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(MetricNames.LOSS, meanLoss);
        scalars.put(MetricNames.ACCURACY, accuracy);
        scalars.put(MetricNames.VIOLATION_RATE, violationRate);
        scalars.put(MetricNames.TAIL_RATIO, tailRatio);
        return scalars;
    }
}
