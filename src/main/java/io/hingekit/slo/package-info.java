/**
 * Prometheus rules and Grafana dashboards for the margin SLOs of a served model ({@code hingekit slo}):
 * {@link io.hingekit.slo.SloAssets} writes recording rules, the SRE workbook's multi-window multi-burn-rate alerts for
 * the labelled violation rate and the label-free inside-margin share, drift and retrain-signal alerts, and three
 * dashboards, and lists every PromQL expression it uses so tests can run them against a real Prometheus.
 *
 * <p>May use: {@code files}, {@code util}; it knows the metric names of {@code serve} by their text. Used by:
 * {@code cli}.
 */
package io.hingekit.slo;
