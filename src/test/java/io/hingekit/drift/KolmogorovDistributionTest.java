package io.hingekit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The finite-n Kolmogorov distribution and the one-sided Smirnov sf against SciPy, point by point. */
class KolmogorovDistributionTest {

    @Test
    void survivalFunctionMatchesScipyKstwoOnAGridOverEveryBranch() {
        for (JsonNode c : DriftFixture.section("kstwo_sf")) {
            long n = c.get("n").asLong();
            double x = c.get("x").asDouble();
            String where = "kstwo.sf(" + x + ", " + n + ")";
            assertEquals(c.get("branch").asText(), KolmogorovDistribution.branch(n, x).name(), where + " branch");
            DriftFixture.assertProbability(c.get("sf").asDouble(), KolmogorovDistribution.sf(n, x), 1e-10, 1e-8,
                    where);
        }
    }

    @Test
    void smirnovMatchesScipySpecialSmirnov() {
        for (JsonNode c : DriftFixture.section("smirnov")) {
            int n = c.get("n").asInt();
            double x = c.get("x").asDouble();
            DriftFixture.assertProbability(c.get("sf").asDouble(), Smirnov.sf(n, x), 1e-10, 1e-8,
                    "smirnov(" + n + ", " + x + ")");
        }
    }

    @Test
    void smallSampleClosedForms() {
        // n = 1: D_1 = max(u, 1 - u) for uniform u, so P(D_1 >= x) = 2(1 - x) for x in [1/2, 1].
        assertEquals(0.6, KolmogorovDistribution.sf(1, 0.7), 1e-15);
        // One-sided, n = 1: P(D+ >= x) = x.
        assertEquals(0.3, Smirnov.sf(1, 0.3), 0.0);
        // Ruben-Gambino, n = 2, x in [1/4, 1/2]: cdf = 2!/2^2 (4x - 1)^2.
        assertEquals(1 - 0.5 * 0.6 * 0.6, KolmogorovDistribution.sf(2, 0.4), 1e-15);
    }

    @Test
    void outsideTheSupportTheSurvivalFunctionIsZeroOrOne() {
        assertEquals(1.0, KolmogorovDistribution.sf(10, 0.05), 0.0);
        assertEquals(0.0, KolmogorovDistribution.sf(10, 1.0), 0.0);
        assertTrue(Double.isNaN(KolmogorovDistribution.sf(0, 0.5)));
    }
}
