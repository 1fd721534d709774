package io.hingekit.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Margin health of one split at one moment: how well the scores separate the classes, as numbers and as the
 * per-sample arrays that histograms are drawn from. Quantiles are NumPy's default (linear interpolation between
 * the two nearest ranks) at {@link #QUANTILES}.
 *
 * @param count number of samples evaluated
 * @param meanLoss mean per-sample hinge loss (class weights of the loss included)
 * @param accuracy fraction of samples whose highest score is the label (binary: whose sign matches)
 * @param violationRate fraction of samples with loss &gt; 0 (inside the margin or misclassified)
 * @param tailThreshold the loss above which a sample counts as a high-loss tail sample
 * @param tailRatio fraction of samples with loss &gt; {@code tailThreshold}
 * @param perClassLoss mean loss of the samples of each class, NaN where a class has no sample
 * @param signedMargins per sample {@code y*f(x)} (binary) or {@code s_y - max_{j!=y} s_j} (multi-class)
 * @param perSampleLoss per sample hinge loss
 * @param margin the loss's margin: a sample with a signed margin at most this is a support vector
 * @param supportVectors number of samples whose signed margin is at most {@code margin}
 * @param classCounts samples per class
 * @param perClassViolationRate violation rate of each class, NaN where a class has no sample
 * @param confusion counts by true class (row) and predicted class (column)
 * @param lossQuantiles per-sample loss at {@link #QUANTILES}
 * @param marginQuantiles signed margin at {@link #QUANTILES}
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
        float[] perSampleLoss,
        double margin,
        long supportVectors,
        long[] classCounts,
        float[] perClassViolationRate,
        long[][] confusion,
        double[] lossQuantiles,
        double[] marginQuantiles) {

    /** The reported quantiles: P50, P95 and P99. */
    public static final double[] QUANTILES = {0.50, 0.95, 0.99};

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

    /**
     * Returns the whole report as JSON-ready values (without the per-sample arrays), keyed as {@code report --json}
     * and {@code metrics.json}'s {@code reports} print them.
     *
     * @param classNames names of the classes, index = label
     * @return the report's figures
     */
    public Map<String, Object> toMap(List<String> classNames) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.putAll(scalars());
        map.put("tail_threshold", tailThreshold);
        map.put("margin", margin);
        map.put("support_vectors", supportVectors);
        map.put("loss_quantiles", quantiles(lossQuantiles));
        map.put("margin_quantiles", quantiles(marginQuantiles));
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classCounts.length; c++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("count", classCounts[c]);
            one.put(MetricNames.LOSS, nullIfNaN(perClassLoss[c]));
            one.put(MetricNames.VIOLATION_RATE, nullIfNaN(perClassViolationRate[c]));
            perClass.put(c < classNames.size() ? classNames.get(c) : String.valueOf(c), one);
        }
        map.put("per_class", perClass);
        map.put("confusion", confusion);
        return map;
    }

    private static Map<String, Double> quantiles(double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < QUANTILES.length; i++) {
            map.put("p" + Math.round(QUANTILES[i] * 100), values[i]);
        }
        return map;
    }

    private static Double nullIfNaN(float value) {
        return Float.isNaN(value) ? null : (double) value;
    }
}
