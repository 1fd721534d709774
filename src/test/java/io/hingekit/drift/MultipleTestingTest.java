package io.hingekit.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hingekit.Expect;
import org.junit.jupiter.api.Test;

class MultipleTestingTest {

    @Test
    void matchesStatsmodelsDefinitions() {
        for (JsonNode c : DriftFixture.section("multiple_testing")) {
            double[] p = DriftFixture.sample(c.get("pvalues"));
            assertArrayEquals(DriftFixture.sample(c.get("bonferroni")), MultipleTesting.BONFERRONI.adjust(p), 1e-12);
            assertArrayEquals(DriftFixture.sample(c.get("benjamini_hochberg")),
                    MultipleTesting.BENJAMINI_HOCHBERG.adjust(p), 1e-12);
            assertArrayEquals(p, MultipleTesting.NONE.adjust(p), 0.0);
        }
    }

    @Test
    void benjaminiHochbergByHand() {
        // Sorted 0.01, 0.02, 0.03, 0.5 (m = 4): raw 0.04, 0.04, 0.04, 0.5; running minimum from the top keeps them.
        // The input order is restored.
        assertArrayEquals(new double[] {0.5, 0.04, 0.04, 0.04},
                MultipleTesting.BENJAMINI_HOCHBERG.adjust(new double[] {0.5, 0.03, 0.01, 0.02}), 1e-15);
        // 0.04 at rank 2 of 2 beats 0.03 * 2 / 1 = 0.06 at rank 1: both become 0.04.
        assertArrayEquals(new double[] {0.04, 0.04},
                MultipleTesting.BENJAMINI_HOCHBERG.adjust(new double[] {0.03, 0.04}), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.3}, MultipleTesting.BONFERRONI.adjust(new double[] {0.7, 0.15}), 0.0);
    }

    @Test
    void emptyInputGivesEmptyOutputAndTheInputIsKept() {
        assertEquals(0, MultipleTesting.BENJAMINI_HOCHBERG.adjust(new double[0]).length);
        double[] p = {0.2, 0.1};
        MultipleTesting.BENJAMINI_HOCHBERG.adjust(p);
        assertArrayEquals(new double[] {0.2, 0.1}, p, 0.0);
    }

    @Test
    void parsesConfigWords() {
        assertEquals(MultipleTesting.NONE, MultipleTesting.parse("none"));
        assertEquals(MultipleTesting.BONFERRONI, MultipleTesting.parse("Bonferroni"));
        assertEquals(MultipleTesting.BENJAMINI_HOCHBERG, MultipleTesting.parse("benjamini-hochberg"));
        assertEquals(MultipleTesting.BENJAMINI_HOCHBERG, MultipleTesting.parse(" BH "));
        for (MultipleTesting method : MultipleTesting.values()) {
            assertEquals(method, MultipleTesting.parse(method.configWord()));
        }
    }

    @Test
    void unknownWordListsTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultipleTesting.parse("holm"));
        String message = e.getMessage();
        assertTrue(message.contains("'holm'") && message.contains("none") && message.contains("bonferroni")
                && message.contains("benjamini-hochberg") && message.contains("bh"), message);
        assertThrows(IllegalArgumentException.class, () -> MultipleTesting.parse(null));
    }

    @Test
    void invalidPValuesAreRejected() {
        Expect.rejects(IllegalArgumentException.class,
                () -> MultipleTesting.BONFERRONI.adjust(new double[] {0.1, 1.5}), "pValues[1]", "1.5");
        assertThrows(IllegalArgumentException.class,
                () -> MultipleTesting.NONE.adjust(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> MultipleTesting.BENJAMINI_HOCHBERG.adjust(null));
    }
}
