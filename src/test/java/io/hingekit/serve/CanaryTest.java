package io.hingekit.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryTest {

    private static Canary withFeedback(int n, int baselineViolations, int candidateViolations) {
        Canary canary = new Canary("base", "cand", 0.2, 100);
        for (int i = 0; i < n; i++) {
            canary.feedback("base", i < baselineViolations);
            canary.feedback("cand", i < candidateViolations);
            canary.prediction("base", 1 + (i % 10) / 10.0);
            canary.prediction("cand", 1 + (i % 10) / 10.0);
        }
        return canary;
    }

    @Test
    void continuesUntilEachModelHasEnoughLabelledPredictions() {
        assertEquals("continue", withFeedback(99, 10, 90).verdict().get("verdict"));
    }

    @Test
    void rollsBackASignificantlyWorseCandidate() {
        // 10% vs 20% of 200: z = 0.1 / sqrt(0.15 * 0.85 * 2 / 200) = 2.80, one-sided p = 0.0026
        Map<String, Object> verdict = withFeedback(200, 20, 40).verdict();
        assertEquals("rollback", verdict.get("verdict"));
        @SuppressWarnings("unchecked")
        Map<String, Object> test = ((List<Map<String, Object>>) verdict.get("checks")).get(1);
        assertEquals(0.002555, (double) test.get("p_value"), 2e-5);
    }

    @Test
    void promotesACandidateThatIsNotWorse() {
        assertEquals("promote", withFeedback(200, 20, 22).verdict().get("verdict"));
    }

    @Test
    void rollsBackWhenTheLabelFreeGapsShrink() {
        Canary canary = withFeedback(200, 20, 20);
        for (int i = 0; i < 500; i++) {
            canary.prediction("cand", 0.1);
        }
        assertEquals("rollback", canary.verdict().get("verdict"));
    }

    @Test
    void routesByIdStablyAndInTheAskedShare() {
        Canary canary = new Canary("base", "cand", 0.2, 100);
        int toCandidate = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean first = canary.toCandidate("user-" + i);
            assertEquals(first, canary.toCandidate("user-" + i), "the same id always goes to the same model");
            toCandidate += first ? 1 : 0;
        }
        assertTrue(Math.abs(toCandidate / 10_000.0 - 0.2) < 0.02, "share " + toCandidate / 10_000.0);
    }

    @Test
    void normalCdfMatchesTables() {
        assertEquals(0.5, Canary.normalCdf(0), 1e-7);
        assertEquals(0.9750021048517795, Canary.normalCdf(1.96), 1e-7);
        assertEquals(0.0013498980316301, Canary.normalCdf(-3), 1e-7);
    }
}
