package io.hingekit.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated rules checked by Prometheus' own {@code promtool}: they parse ({@code check rules}), and unit tests
 * ({@code test rules}) show the fast-burn page firing for a fast burn and not for a slow one. Skipped where promtool
 * is missing (Debian package {@code prometheus}; {@code .ci/setup} installs it).
 */
class SloAssetsTest {

    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool timed out");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    @Test
    void burnRateThresholdsFollowTheWorkbook() {
        String rules = new SloAssets("m", 0.95, 0.9).rules().toString();
        // budget 0.05: 14.4x = 0.72, 6x = 0.3, 1x = 0.05; inside-margin budget 0.1: 1.44, 0.6, 0.1
        assertTrue(rules.contains(SloAssets.violationRatio("1h") + " > 0.720000 and "
                + SloAssets.violationRatio("5m") + " > 0.720000"), rules);
        assertTrue(rules.contains(SloAssets.violationRatio("6h") + " > 0.300000 and "), rules);
        assertTrue(rules.contains(SloAssets.violationRatio("3d") + " > 0.0500000 and "), rules);
        assertTrue(rules.contains(SloAssets.insideRatio("1h") + " > 1.44000"), rules);
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool missing: apt-get install prometheus");
        SloAssets assets = new SloAssets("m", 0.95, 0.9);
        assets.write(tmp);
        assertTrue(run(List.of(PROMTOOL.toString(), "check", "rules", SloAssets.RULES), tmp).contains("SUCCESS"));
        JsonNode alerts = YAML.readTree(tmp.resolve(SloAssets.RULES).toFile()).get("groups").get(1).get("rules");
        String fastSummary = null;
        for (JsonNode alert : alerts) {
            if (alert.get("alert").asText().equals("HingekitViolationBudgetBurnFast")) {
                fastSummary = alert.get("annotations").get("summary").asText();
            }
        }
        Files.writeString(tmp.resolve("burn-test.yml"), """
                rule_files: [%s]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'hingekit_feedback_total{model="m", class="a"}'
                        values: '0+60x180'
                      - series: 'hingekit_feedback_violations_total{model="m", class="a"}'
                        values: '0+60x180'
                    alert_rule_test:
                      - eval_time: 70m
                        alertname: HingekitViolationBudgetBurnFast
                        exp_alerts:
                          - exp_labels: {severity: page, model: m}
                            exp_annotations: {summary: "%s"}
                  - interval: 1m
                    input_series:
                      - series: 'hingekit_feedback_total{model="m", class="a"}'
                        values: '0+60x180'
                      - series: 'hingekit_feedback_violations_total{model="m", class="a"}'
                        values: '0+6x180'
                    alert_rule_test:
                      - eval_time: 70m
                        alertname: HingekitViolationBudgetBurnFast
                        exp_alerts: []
                      - eval_time: 70m
                        alertname: HingekitViolationBudgetBurnMedium
                        exp_alerts: []
                """.formatted(SloAssets.RULES, fastSummary));
        assertTrue(run(List.of(PROMTOOL.toString(), "test", "rules", "burn-test.yml"), tmp).contains("SUCCESS"));
    }

    @Test
    void dashboardsAreGrafanaJsonWithAQueryPerPanel() throws Exception {
        new SloAssets("m", 0.95, 0.95).write(tmp);
        for (String name : List.of("hingekit-executive.json", "hingekit-oncall.json", "hingekit-debug.json")) {
            JsonNode dashboard = new ObjectMapper().readTree(tmp.resolve("dashboards").resolve(name).toFile());
            assertTrue(dashboard.get("panels").size() >= 4, name);
            for (JsonNode panel : dashboard.get("panels")) {
                assertTrue(panel.get("targets").get(0).get("expr").asText().contains("hingekit"), name);
            }
        }
    }
}
