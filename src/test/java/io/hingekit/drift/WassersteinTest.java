package io.hingekit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hingekit.Expect;
import org.junit.jupiter.api.Test;

class WassersteinTest {

    @Test
    void matchesScipyWassersteinDistanceOnEveryFixturePair() {
        int compared = 0;
        for (JsonNode c : DriftFixture.section("ks_2samp")) {
            double[] u = DriftFixture.sample(c.get("a"));
            double[] v = DriftFixture.sample(c.get("b"));
            if (c.get("wasserstein").isNull()) {
                assertThrows(IllegalArgumentException.class, () -> Wasserstein.distance(u, v));
                continue;
            }
            double expected = c.get("wasserstein").asDouble();
            assertEquals(expected, Wasserstein.distance(u, v), 1e-9 * expected, c.get("name").asText());
            compared++;
        }
        assertTrue(compared > 30);
    }

    @Test
    void shiftedSamplesAreTheirShiftApart() {
        // Every quantile of [5, 6, 8] is 5 above that of [0, 1, 3].
        assertEquals(5.0, Wasserstein.distance(new double[] {0, 1, 3}, new double[] {5, 6, 8}), 0.0);
        assertEquals(5.0, Wasserstein.distance(new double[] {8, 5, 6}, new double[] {3, 1, 0}), 0.0);
    }

    @Test
    void unequalSizesIntegrateTheCdfGap() {
        // F_u = 1/2 on [0, 1); F_v = 0 before 0.5, 1 after: |gap| = 1/2 on [0, 0.5) and 1/2 on [0.5, 1) -> 0.5.
        assertEquals(0.5, Wasserstein.distance(new double[] {0, 1}, new double[] {0.5}), 1e-15);
        assertEquals(0.0, Wasserstein.distance(new double[] {2, 2}, new double[] {2}), 0.0);
    }

    @Test
    void badSamplesAreRejectedByName() {
        IllegalArgumentException empty = Expect.rejects(IllegalArgumentException.class,
                () -> Wasserstein.distance(new double[] {1}, new double[0]), "empty");
        assertTrue(empty.getMessage().startsWith("v "), empty.getMessage());
        IllegalArgumentException nan = Expect.rejects(IllegalArgumentException.class,
                () -> Wasserstein.distance(new double[] {Double.NaN}, new double[] {1}), "NaN");
        assertTrue(nan.getMessage().startsWith("u "), nan.getMessage());
        Expect.rejects(IllegalArgumentException.class,
                () -> Wasserstein.distance(new double[] {1}, new double[] {2, Double.POSITIVE_INFINITY}),
                "Infinity", "index 1");
    }
}
