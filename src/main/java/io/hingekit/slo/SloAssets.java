package io.hingekit.slo;

import static io.hingekit.util.Checks.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.hingekit.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Prometheus recording and alert rules and Grafana dashboards for a served model's margin SLOs, as {@code slo}
 * writes them. Two SLOs: the labelled violation rate (feedback with a positive hinge loss) stays within
 * {@code 1 - objective}, and the label-free share of predictions inside the margin within
 * {@code 1 - insideObjective}. Alerts are the SRE workbook's multi-window, multi-burn-rate ones for a 30-day window:
 * page at 14.4x burn over 1 h and 5 min, page at 6x over 6 h and 30 min, ticket at 1x over 3 days and 6 h; plus
 * margin drift (label-free PSI above 0.2 for 30 min) and the retrain signal (on for 1 h).
 *
 * @param model the served model's name (the {@code model} label)
 * @param objective share of labelled predictions that must not violate the margin
 * @param insideObjective share of predictions that must not fall inside the margin
 */
public record SloAssets(String model, double objective, double insideObjective) {

    /** File of the rules (one recording group, one alert group). */
    public static final String RULES = "hingekit-rules.yml";
    private static final String[] WINDOWS = {"5m", "30m", "1h", "6h", "3d"};
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks the objectives. */
    public SloAssets {
        check(objective > 0 && objective < 1, "--objective", "in (0, 1)", objective);
        check(insideObjective > 0 && insideObjective < 1, "--inside-margin-objective", "in (0, 1)", insideObjective);
    }

    /** One burn-rate alert: name, long and short window, burn factor, severity, for. */
    private record Burn(String suffix, String longWindow, String shortWindow, double factor, String severity,
            String duration) {}

    private static final List<Burn> BURNS = List.of(
            new Burn("Fast", "1h", "5m", 14.4, "page", "2m"),
            new Burn("Medium", "6h", "30m", 6, "page", "15m"),
            new Burn("Slow", "3d", "6h", 1, "ticket", "1h"));

    /** Name of the recorded violation ratio over a window. */
    public static String violationRatio(String window) {
        return "hingekit:feedback_violation_ratio:rate" + window;
    }

    /** Name of the recorded inside-margin ratio over a window. */
    public static String insideRatio(String window) {
        return "hingekit:predictions_inside_margin_ratio:rate" + window;
    }

    private String selector() {
        return "{model=\"" + model + "\"}";
    }

    /** Returns the rule groups as Prometheus writes them in a rules file. */
    public Map<String, Object> rules() {
        List<Map<String, Object>> recording = new ArrayList<>();
        for (String window : WINDOWS) {
            recording.add(Map.of("record", violationRatio(window), "expr",
                    ratio("hingekit_feedback_violations_total", "hingekit_feedback_total", window)));
            recording.add(Map.of("record", insideRatio(window), "expr",
                    ratio("hingekit_predictions_inside_margin_total", "hingekit_predictions_total", window)));
        }
        recording.add(Map.of("record", "hingekit:feedback_hinge_loss_mean:rate1h", "expr",
                ratio("hingekit_feedback_hinge_loss_total", "hingekit_feedback_total", "1h")));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Burn burn : BURNS) {
            alerts.add(burnAlert("HingekitViolationBudgetBurn" + burn.suffix(), burn, 1 - objective,
                    SloAssets::violationRatio, "labelled violation rate"));
            alerts.add(burnAlert("HingekitInsideMarginBudgetBurn" + burn.suffix(), burn, 1 - insideObjective,
                    SloAssets::insideRatio, "share of predictions inside the margin"));
        }
        alerts.add(alert("HingekitMarginDrift", "max by (model) (" + driftPsi() + ") > 0.2", "30m", "ticket",
                "Live label-free margins of " + model + " drifted from the validated ones (PSI above 0.2 for 30m)"));
        alerts.add(alert("HingekitRetrainSignal", "max by (model) (" + retrainSignal() + ") == 1", "1h", "ticket",
                "The retrain signal of " + model + " has been on for an hour"));
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("groups", List.of(
                Map.of("name", "hingekit-recording", "rules", recording),
                Map.of("name", "hingekit-alerts", "rules", alerts)));
        return rules;
    }

    private String ratio(String numerator, String denominator, String window) {
        return "sum by (model) (rate(" + numerator + selector() + "[" + window + "])) / sum by (model) (rate("
                + denominator + selector() + "[" + window + "]))";
    }

    private String driftPsi() {
        return "hingekit_margin_drift_psi{model=\"" + model + "\", class=\"all\", quantity=\"gap\"}";
    }

    private String retrainSignal() {
        return "hingekit_retrain_signal" + selector();
    }

    private Map<String, Object> burnAlert(String name, Burn burn, double budget,
            Function<String, String> series, String what) {
        String threshold = String.format(Locale.ROOT, "%.6g", burn.factor() * budget);
        String expr = series.apply(burn.longWindow()) + " > " + threshold + " and " + series.apply(burn.shortWindow())
                + " > " + threshold;
        return alert(name, expr, burn.duration(), burn.severity(), String.format(Locale.ROOT,
                "The %s of %s burns its error budget (%.4g) at %.3gx over %s and %s", what, model, budget,
                burn.factor(), burn.longWindow(), burn.shortWindow()));
    }

    private static Map<String, Object> alert(String name, String expr, String duration, String severity,
            String summary) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("alert", name);
        alert.put("expr", expr);
        alert.put("for", duration);
        alert.put("labels", Map.of("severity", severity));
        alert.put("annotations", Map.of("summary", summary));
        return alert;
    }

    /** Returns the three dashboards by file name: executive, on-call and debug. */
    public Map<String, Map<String, Object>> dashboards() {
        String m = selector();
        String budget = String.format(Locale.ROOT, "%.6g", 1 - objective);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put("hingekit-executive.json", dashboard("Hingekit executive: " + model, List.of(
                panel("Violation rate (1h)", violationRatio("1h")),
                panel("Mean hinge loss (1h)", "hingekit:feedback_hinge_loss_mean:rate1h"),
                panel("Share inside the margin (1h)", insideRatio("1h")),
                panel("Served models", "max by (model, role, version, sha256) (hingekit_model_info)"))));
        out.put("hingekit-oncall.json", dashboard("Hingekit on-call: " + model, List.of(
                panel("Live violation rate (5m) by model, canary beside baseline",
                        "sum by (model) (rate(hingekit_feedback_violations_total[5m])) / sum by (model) "
                                + "(rate(hingekit_feedback_total[5m]))"),
                panel("Top classes by mean hinge loss (1h)",
                        "topk(5, sum by (class) (rate(hingekit_feedback_hinge_loss_total" + m + "[1h])) / sum by "
                                + "(class) (rate(hingekit_feedback_total" + m + "[1h])))"),
                panel("Error budget left (3d window)", "1 - " + violationRatio("3d") + " / " + budget),
                panel("Request latency p99 by endpoint",
                        "histogram_quantile(0.99, sum by (le, endpoint) (rate("
                                + "hingekit_request_duration_seconds_bucket[5m])))"),
                panel("Requests by code", "sum by (code) (rate(hingekit_requests_total[5m]))"))));
        out.put("hingekit-debug.json", dashboard("Hingekit debug: " + model, List.of(
                panel("Label-free gap histogram", "sum by (le) (rate(hingekit_prediction_gap_bucket" + m + "[5m]))"),
                panel("Signed margin histogram (feedback)",
                        "sum by (le) (rate(hingekit_feedback_signed_margin_bucket" + m + "[5m]))"),
                panel("Mean hinge loss per class (1h)",
                        "sum by (class) (rate(hingekit_feedback_hinge_loss_total" + m + "[1h])) / sum by (class) "
                                + "(rate(hingekit_feedback_total" + m + "[1h]))"),
                panel("Drift PSI per class", "max by (class, quantity) (hingekit_margin_drift_psi" + m + ")"),
                panel("Drift KS statistic per class",
                        "max by (class, quantity) (hingekit_margin_drift_ks_statistic" + m + ")"),
                panel("Confusion from feedback (1h)",
                        "sum by (class, predicted) (increase(hingekit_feedback_confusion_total" + m + "[1h]))"),
                panel("Retrain signal", "max by (model) (" + retrainSignal() + ")"))));
        return out;
    }

    private static Map<String, Object> dashboard(String title, List<Map<String, Object>> panels) {
        List<Map<String, Object>> placed = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            Map<String, Object> panel = new LinkedHashMap<>(panels.get(i));
            panel.put("id", i + 1);
            panel.put("gridPos", Map.of("h", 8, "w", 12, "x", (i % 2) * 12, "y", (i / 2) * 8));
            placed.add(panel);
        }
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("title", title);
        dashboard.put("uid", title.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
        dashboard.put("schemaVersion", 39);
        dashboard.put("time", Map.of("from", "now-24h", "to", "now"));
        dashboard.put("templating", Map.of("list", List.of(Map.of("name", "datasource", "type", "datasource",
                "query", "prometheus"))));
        dashboard.put("panels", placed);
        return dashboard;
    }

    private static Map<String, Object> panel(String title, String expr) {
        Map<String, Object> panel = new LinkedHashMap<>();
        panel.put("type", "timeseries");
        panel.put("title", title);
        panel.put("datasource", Map.of("type", "prometheus", "uid", "${datasource}"));
        panel.put("targets", List.of(Map.of("expr", expr, "refId", "A")));
        return panel;
    }

    /**
     * Returns every PromQL expression the assets use, for checking them against a real Prometheus: the recording
     * rules', the alerts' signals (each side of an {@code and}, without the threshold), and the dashboards'.
     *
     * @return the expressions
     */
    @SuppressWarnings("unchecked")
    public List<String> expressions() {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules().get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String expr = (String) rule.get("expr");
                if (rule.containsKey("record")) {
                    out.add(expr);
                } else {
                    for (String part : expr.split(" and ")) {
                        out.add(part.replaceAll("\\s*(>|==)\\s*[0-9.e+-]+$", ""));
                    }
                }
            }
        }
        for (Map<String, Object> dashboard : dashboards().values()) {
            for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
                for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                    out.add((String) target.get("expr"));
                }
            }
        }
        return out;
    }

    /**
     * Writes the rules file and the dashboards, each atomically.
     *
     * @param dir the output directory (dashboards go to {@code dashboards/})
     * @return the files written
     * @throws IOException when writing fails
     */
    public List<Path> write(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Path rules = dir.resolve(RULES);
        AtomicFiles.writeString(rules, YAML.writeValueAsString(rules()));
        files.add(rules);
        for (Map.Entry<String, Map<String, Object>> dashboard : dashboards().entrySet()) {
            Path file = dir.resolve("dashboards").resolve(dashboard.getKey());
            AtomicFiles.writeString(file, JSON.writeValueAsString(dashboard.getValue()));
            files.add(file);
        }
        return files;
    }
}
