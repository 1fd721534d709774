package io.hingekit.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The server's Prometheus metrics, defined once, named the Prometheus way ({@code hingekit_} prefix, base units,
 * {@code _total} counters) and labelled by bounded values only: endpoint, status code, model, class. Histograms have
 * classic buckets and native buckets (served to a scraper that asks for the protobuf format).
 */
final class ServeMetrics {

    static final String PREDICTIONS = "hingekit_predictions_total";
    static final String INSIDE_MARGIN = "hingekit_predictions_inside_margin_total";
    static final String FEEDBACK = "hingekit_feedback_total";
    static final String VIOLATIONS = "hingekit_feedback_violations_total";
    static final String HINGE_SUM = "hingekit_feedback_hinge_loss_total";

    private static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
    private static final double[] MARGIN_BUCKETS = {-4, -2, -1, -0.5, 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();

    final Counter requests = Counter.builder().name("hingekit_requests_total")
            .help("HTTP requests by endpoint and status code").labelNames("endpoint", "code").register(registry);
    final Histogram latency = Histogram.builder().name("hingekit_request_duration_seconds")
            .help("HTTP request latency by endpoint").labelNames("endpoint").classicUpperBounds(LATENCY_BUCKETS)
            .register(registry);
    final Histogram batchSize = Histogram.builder().name("hingekit_batch_size_rows")
            .help("rows scored per device call").labelNames("model").classicUpperBounds(BATCH_BUCKETS)
            .register(registry);
    final Counter predictions = Counter.builder().name(PREDICTIONS)
            .help("predictions by model and predicted class").labelNames("model", "class").register(registry);
    final Counter insideMargin = Counter.builder().name(INSIDE_MARGIN)
            .help("predictions whose label-free gap (top-1 minus top-2 score) is below the loss margin")
            .labelNames("model", "class").register(registry);
    final Histogram gap = Histogram.builder().name("hingekit_prediction_gap")
            .help("label-free margin of each prediction: top-1 minus top-2 score (binary: |score|)")
            .labelNames("model").classicUpperBounds(MARGIN_BUCKETS).register(registry);
    final Counter feedback = Counter.builder().name(FEEDBACK)
            .help("labelled feedback matched to a prediction, by model and true class").labelNames("model", "class")
            .register(registry);
    final Counter violations = Counter.builder().name(VIOLATIONS)
            .help("labelled predictions with a positive hinge loss").labelNames("model", "class").register(registry);
    final Counter hingeLoss = Counter.builder().name(HINGE_SUM)
            .help("hinge losses of labelled predictions, summed (mean: divide its rate by hingekit_feedback_total's)")
            .labelNames("model", "class").register(registry);
    final Histogram signedMargin = Histogram.builder().name("hingekit_feedback_signed_margin")
            .help("signed margin of labelled predictions").labelNames("model", "class")
            .classicUpperBounds(MARGIN_BUCKETS).register(registry);
    final Counter confusion = Counter.builder().name("hingekit_feedback_confusion_total")
            .help("labelled predictions by true class and predicted class").labelNames("model", "class", "predicted")
            .register(registry);
    final Counter unmatchedFeedback = Counter.builder().name("hingekit_feedback_unmatched_total")
            .help("feedback whose id was unknown or had left the window").register(registry);
    final Gauge driftKs = Gauge.builder().name("hingekit_margin_drift_ks_statistic")
            .help("two-sample KS statistic of live margins against the model's reference margins")
            .labelNames("model", "class", "quantity").register(registry);
    final Gauge driftPsi = Gauge.builder().name("hingekit_margin_drift_psi")
            .help("population stability index of live margins against the reference margins")
            .labelNames("model", "class", "quantity").register(registry);
    final Gauge driftWasserstein = Gauge.builder().name("hingekit_margin_drift_wasserstein")
            .help("1-D Wasserstein distance of live margins to the reference margins")
            .labelNames("model", "class", "quantity").register(registry);
    final Gauge retrainSignal = Gauge.builder().name("hingekit_retrain_signal")
            .help("1 while the label-free margin drift asks for retraining (with hysteresis), else 0")
            .labelNames("model").register(registry);
    final Counter retrainTransitions = Counter.builder().name("hingekit_retrain_signal_transitions_total")
            .help("changes of the retrain signal").labelNames("model", "to").register(registry);
    final Info modelInfo = Info.builder().name("hingekit_model_info")
            .help("the served models: name, role, version (model directory) and SHA-256 of the parameters")
            .labelNames("model", "role", "version", "sha256").register(registry);

    /**
     * Writes the metrics in the format the scraper asks for.
     *
     * @param accept the request's Accept header (may be null)
     * @param out the response body
     * @return the content type written
     * @throws IOException when writing fails
     */
    String write(String accept, OutputStream out) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        writer.write(out, registry.scrape());
        return writer.getContentType();
    }
}
