package io.hingekit.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.config.GateConfig;
import io.hingekit.metrics.MarginReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateServiceTest {

    private static MarginReport report(double loss, double accuracy, double violation, float[] perClassViolation) {
        return new MarginReport(100, loss, accuracy, violation, 1, 0, new float[perClassViolation.length],
                new float[0], new float[0], 1, 0, new long[perClassViolation.length], perClassViolation,
                new long[0][], new double[3], new double[3]);
    }

    @Test
    void thresholdsByHand() {
        Map<String, Double> perClass = new LinkedHashMap<>();
        perClass.put("shirt", 0.45);
        perClass.put("1", 0.1);
        GateConfig gate = new GateConfig(0.2, 0.05, 0.9, 0.01, perClass);
        MarginReport validation = report(0.06, 0.91, 0.19, new float[] {0.5f, 0.05f});
        MarginReport train = report(0.045, 0.95, 0.1, new float[] {0.4f, 0.02f});
        List<GateService.Check> checks = GateService.thresholds(gate, "validation", validation, train,
                List.of("shirt", "coat"));
        assertEquals(List.of(true, false, true, false, false, true),
                checks.stream().map(GateService.Check::passed).toList(), checks.toString());
        assertEquals("validation/violation_rate/shirt", checks.get(4).metric());
        assertEquals(0.015, checks.get(3).value(), 1e-12, "gap = 0.06 - 0.045");
    }

    @Test
    void baselineChecksAllowAbsoluteAndRelativeTolerance() {
        MarginReport baseline = report(0.10, 0.90, 0.20, new float[0]);
        MarginReport candidate = report(0.104, 0.89, 0.21, new float[0]);
        assertFalse(GateService.againstBaseline("validation", candidate, baseline, 0.005, 0).stream()
                .allMatch(GateService.Check::passed), "violation 0.21 > 0.20 + 0.005");
        // 5%: violation 0.20 * 1.05 + 0.005 = 0.215, loss 0.105 + 0.005, accuracy 0.855 - 0.005
        assertTrue(GateService.againstBaseline("validation", candidate, baseline, 0.005, 0.05).stream()
                .allMatch(GateService.Check::passed));
    }
}
