package io.hingekit.serve;

import io.hingekit.drift.KolmogorovSmirnov;
import io.hingekit.drift.PopulationStabilityIndex;
import io.hingekit.drift.Wasserstein;
import io.hingekit.files.NpyMatrix;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Drift of one model's live margins against the validation margins saved at training time, over sliding windows:
 * the label-free gaps of the latest predictions (by predicted class) and the signed margins of the latest labelled
 * feedback (by true class). {@link #recompute} runs on a schedule, never per request, and sets the drift gauges and
 * the retrain signal (from the overall label-free PSI). Thread-safe.
 */
final class LiveDrift {

    /** Fewest live values a window needs before its statistics are published. */
    static final int MIN_VALUES = 30;
    private static final String ALL = "all";

    private final ServedModel model;
    private final int window;
    private final ServeMetrics metrics;
    private final RetrainSignal retrain;
    private final Map<String, ArrayDeque<Double>> gaps = new HashMap<>();
    private final Map<String, ArrayDeque<Double>> margins = new HashMap<>();

    LiveDrift(ServedModel model, int window, ServeMetrics metrics, RetrainSignal retrain) {
        this.model = model;
        this.window = window;
        this.metrics = metrics;
        this.retrain = retrain;
        metrics.retrainSignal.labelValues(model.name()).set(0);
    }

    /** Adds a prediction's gap. */
    synchronized void prediction(int predictedClass, double gap) {
        add(gaps, ALL, gap);
        add(gaps, model.classNames().get(predictedClass), gap);
    }

    /** Adds a labelled prediction's signed margin. */
    synchronized void feedback(int trueClass, double signedMargin) {
        add(margins, ALL, signedMargin);
        add(margins, model.classNames().get(trueClass), signedMargin);
    }

    private void add(Map<String, ArrayDeque<Double>> windows, String key, double value) {
        ArrayDeque<Double> values = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        values.addLast(value);
        if (values.size() > window) {
            values.removeFirst();
        }
    }

    /**
     * Recomputes the statistics of every window with enough values and updates the retrain signal.
     *
     * @param now the current time in milliseconds
     */
    void recompute(long now) {
        NpyMatrix reference = model.reference();
        if (reference == null) {
            return;
        }
        Map<String, double[]> liveGaps;
        Map<String, double[]> liveMargins;
        synchronized (this) {
            liveGaps = snapshot(gaps);
            liveMargins = snapshot(margins);
        }
        Double overallPsi = publish("gap", liveGaps, reference, 3, 1);
        publish("signed_margin", liveMargins, reference, 2, 0);
        if (overallPsi != null && retrain.update(overallPsi, now)) {
            metrics.retrainSignal.labelValues(model.name()).set(retrain.on() ? 1 : 0);
            metrics.retrainTransitions.labelValues(model.name(), retrain.on() ? "on" : "off").inc();
        }
    }

    /** Publishes one quantity's statistics; returns the overall PSI, or null when there were too few values. */
    private Double publish(String quantity, Map<String, double[]> live, NpyMatrix reference, int column,
            int groupColumn) {
        Double overall = null;
        for (Map.Entry<String, double[]> entry : live.entrySet()) {
            double[] current = entry.getValue();
            double[] ref = referenceValues(reference, column, groupColumn, entry.getKey());
            if (current.length < MIN_VALUES || ref.length < MIN_VALUES) {
                continue;
            }
            double psi = PopulationStabilityIndex.of(ref, current);
            String[] labels = {model.name(), entry.getKey(), quantity};
            metrics.driftKs.labelValues(labels).set(KolmogorovSmirnov.twoSample(ref, current).statistic());
            metrics.driftPsi.labelValues(labels).set(psi);
            metrics.driftWasserstein.labelValues(labels).set(Wasserstein.distance(ref, current));
            overall = entry.getKey().equals(ALL) ? Double.valueOf(psi) : overall;
        }
        return overall;
    }

    private double[] referenceValues(NpyMatrix reference, int column, int groupColumn, String key) {
        float[] values = reference.column(column);
        float[] groups = reference.column(groupColumn);
        int wanted = key.equals(ALL) ? -1 : model.classNames().indexOf(key);
        return IntStream.range(0, values.length)
                .filter(i -> wanted < 0 || (int) groups[i] == wanted).mapToDouble(i -> values[i]).toArray();
    }

    private static Map<String, double[]> snapshot(Map<String, ArrayDeque<Double>> windows) {
        Map<String, double[]> copy = new HashMap<>();
        windows.forEach((key, values) -> copy.put(key, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return copy;
    }
}
