package io.hingekit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hingekit.Expect;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    private static final double P_ABSOLUTE = 1e-6;
    private static final double P_RELATIVE = 1e-6;

    @Test
    void matchesScipyKs2sampOnEveryFixtureCase() {
        Set<KolmogorovDistribution.Branch> branches = EnumSet.noneOf(KolmogorovDistribution.Branch.class);
        for (JsonNode c : DriftFixture.section("ks_2samp")) {
            String name = c.get("name").asText();
            KsResult result = KolmogorovSmirnov.twoSample(DriftFixture.sample(c.get("a")),
                    DriftFixture.sample(c.get("b")));
            assertEquals(c.get("statistic").asDouble(), result.statistic(), 1e-12, name + " statistic");
            DriftFixture.assertProbability(c.get("pvalue").asDouble(), result.pValue(), P_ABSOLUTE, P_RELATIVE,
                    name + " p-value");
            assertEquals(KsMethod.valueOf(c.get("method").asText()), result.method(), name + " method");
            if (c.has("branch")) {
                KolmogorovDistribution.Branch branch = KolmogorovDistribution.branch(c.get("effective_n").asLong(),
                        result.statistic());
                assertEquals(c.get("branch").asText(), branch.name(), name + " kolmogn branch");
                branches.add(branch);
            }
        }
        assertEquals(EnumSet.allOf(KolmogorovDistribution.Branch.class), branches,
                "the asymptotic fixture cases reach every branch of the Kolmogorov distribution");
    }

    @Test
    void asymptoticPValueUsesTheFiniteNDistributionNotTheKolmogorovLimit() {
        int discriminating = 0;
        for (JsonNode c : DriftFixture.section("ks_2samp")) {
            if (!c.has("limit_pvalue")) {
                continue;
            }
            double scipy = c.get("pvalue").asDouble();
            double limit = c.get("limit_pvalue").asDouble();
            if (Math.abs(scipy - limit) > 0.01) {
                discriminating++;
                double ours = KolmogorovSmirnov.twoSample(DriftFixture.sample(c.get("a")),
                        DriftFixture.sample(c.get("b"))).pValue();
                assertEquals(scipy, ours, P_ABSOLUTE, c.get("name").asText());
                assertTrue(Math.abs(ours - limit) > 0.01, c.get("name").asText() + " is not the limit value");
            }
        }
        assertTrue(discriminating >= 2, "fixture has cases where kstwo.sf and kstwobign.sf differ by > 0.01");
    }

    @Test
    void completelySeparatedSamplesOfThreeGiveOneTenth() {
        // D = 1; P(D_{3,3} >= 1) = 2 / C(6, 3) = 0.1 (SciPy: 0.09999999999999999).
        KsResult result = KolmogorovSmirnov.twoSample(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(1.0, result.statistic(), 0.0);
        assertEquals(0.1, result.pValue(), 1e-15);
        assertEquals(KsMethod.EXACT, result.method());
    }

    @Test
    void theTestOfAStatisticComputedElsewhereIsTheTwoSampleTest() {
        // D = 1 for separated samples of 3: the exact p-value 0.1 (see above); D = 1/4 at n = 20000 is asymptotic.
        assertEquals(KolmogorovSmirnov.twoSample(new double[] {1, 2, 3}, new double[] {4, 5, 6}),
                KolmogorovSmirnov.test(1.0, 3, 3));
        assertEquals(1.0, KolmogorovSmirnov.statistic(0.0, -1.0), 0.0);
        assertEquals(0.25, KolmogorovSmirnov.statistic(0.25, -0.125), 0.0);
        assertEquals(KsMethod.ASYMPTOTIC, KolmogorovSmirnov.test(0.25, 20_000, 20_000).method());
        Expect.rejects(IllegalArgumentException.class, () -> KolmogorovSmirnov.test(0.5, 0, 3), "at least 1");
        Expect.rejects(IllegalArgumentException.class, () -> KolmogorovSmirnov.test(1.5, 3, 3), "[0, 1]", "1.5");
    }

    @Test
    void tiesAreCountedOnBothSides() {
        // ECDFs at 1, 2, 3: a = 1/4, 3/4, 1; b = 1/2, 1/2, 1. D = 1/4 at value 2.
        KsResult result = KolmogorovSmirnov.twoSample(new double[] {1, 2, 2, 3}, new double[] {1, 1, 3, 3});
        assertEquals(0.25, result.statistic(), 0.0);
        // Hand count for n = 4, h = 1: every path touches |x - y| = 1, so the probability is 1.
        assertEquals(1.0, result.pValue(), 1e-12);
    }

    @Test
    void negativeAndPositiveZeroAreTheSameValue() {
        KsResult result = KolmogorovSmirnov.twoSample(new double[] {-0.0}, new double[] {0.0});
        assertEquals(0.0, result.statistic(), 0.0);
        assertEquals(1.0, result.pValue(), 0.0);
        // Arrays.sort puts -0.0 before 0.0; both must still count as one tied value within a sample.
        assertEquals(0.0, KolmogorovSmirnov.twoSample(new double[] {0.0, -0.0}, new double[] {0.0, 0.0}).statistic(),
                0.0);
    }

    @Test
    void orderOfTheInputDoesNotMatter() {
        double[] a = {3.5, -1, 2, 0.25, 9};
        double[] b = {0.5, 4, -2, 7};
        KsResult forward = KolmogorovSmirnov.twoSample(a, b);
        KsResult backward = KolmogorovSmirnov.twoSample(new double[] {9, 0.25, 2, -1, 3.5},
                new double[] {7, -2, 4, 0.5});
        assertEquals(forward, backward);
        assertEquals(forward.pValue(), KolmogorovSmirnov.twoSample(b, a).pValue(), 0.0);
    }

    @Test
    void inputArraysAreNotModified() {
        double[] a = {3, 1, 2};
        KolmogorovSmirnov.twoSample(a, new double[] {0});
        assertEquals(3.0, a[0], 0.0);
    }

    @Test
    void emptyOrNanSamplesAreRejectedByName() {
        Expect.rejects(IllegalArgumentException.class,
                () -> KolmogorovSmirnov.twoSample(new double[0], new double[] {1}), "reference", "empty");
        Expect.rejects(IllegalArgumentException.class,
                () -> KolmogorovSmirnov.twoSample(new double[] {1}, new double[] {0, Double.NaN}),
                "current", "NaN", "index 1");
        assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.twoSample(null, new double[] {1}));
    }
}
