package io.hingekit.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.hingekit.Expect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationStabilityIndexTest {

    @Test
    void matchesTheNumpyImplementationOfTheDefinition() {
        for (JsonNode c : DriftFixture.section("psi")) {
            String name = c.get("name").asText();
            PsiResult result = PopulationStabilityIndex.builder().bins(c.get("bins").asInt())
                    .floor(c.get("floor").asDouble()).build()
                    .compute(DriftFixture.sample(c.get("reference")), DriftFixture.sample(c.get("current")));
            assertEquals(c.get("psi").asDouble(), result.value(), 1e-9, name + " PSI");
            assertArrayEquals(DriftFixture.sample(c.get("boundaries")), result.boundaries(), 0.0, name + " edges");
            assertArrayEquals(DriftFixture.sample(c.get("reference_proportions")), result.referenceProportions(),
                    1e-15, name + " reference proportions");
            assertArrayEquals(DriftFixture.sample(c.get("current_proportions")), result.currentProportions(), 1e-15,
                    name + " current proportions");
        }
    }

    @Test
    void handComputedTwoBins() {
        // Reference 0..3, 2 bins: median edge 1.5, bins (-inf, 1.5] and (1.5, inf): r = 1/2, 1/2.
        // Current {0, 0, 0, 3}: c = 3/4, 1/4. PSI = (1/4) ln(3/2) + (-1/4) ln(1/2) = (1/4) ln 3.
        PsiResult result = PopulationStabilityIndex.builder().bins(2).build()
                .compute(new double[] {3, 1, 0, 2}, new double[] {0, 0, 0, 3});
        assertArrayEquals(new double[] {1.5}, result.boundaries(), 0.0);
        assertEquals(0.25 * Math.log(3), result.value(), 1e-15);
    }

    @Test
    void boundariesFromFetchedRanksAndPsiFromBinCountsAsADistributedCallerUsesThem() {
        // Reference 0..3 (n = 4), 2 bins: the median sits at virtual index 1.5, so ranks 0, 1, 2 and 3 are read.
        PopulationStabilityIndex psi = PopulationStabilityIndex.builder().bins(2).build();
        double[] sorted = {0, 1, 2, 3};
        assertEquals(List.of(0L, 1L, 2L, 3L), new ArrayList<>(psi.boundaryRanks(4)));
        double[] edges = psi.boundaries(4, rank -> sorted[(int) rank]);
        assertArrayEquals(new double[] {1.5}, edges, 0.0);
        // Right-closed bins: 1.5 itself falls in the lower bin.
        assertEquals(0, PopulationStabilityIndex.bin(edges, 1.5));
        assertEquals(1, PopulationStabilityIndex.bin(edges, 1.6));
        // Counts r = (2, 2), c = (3, 1): (1/4) ln 3, as handComputedTwoBins.
        assertEquals(0.25 * Math.log(3), psi.fromCounts(new long[] {2, 2}, new long[] {3, 1}), 1e-15);
    }

    @Test
    void emptyBinsUseTheFloor() {
        // Current entirely in the upper bin: c = (0 -> 1e-4, 1); r = (1/2, 1/2).
        double psi = PopulationStabilityIndex.builder().bins(2).build()
                .compute(new double[] {0, 1, 2, 3}, new double[] {10, 11}).value();
        double expected = (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2);
        assertEquals(expected, psi, 1e-15);
    }

    @Test
    void identicalSamplesHaveZeroPsiAndDefaultsApply() {
        double[] x = {0.3, -1.2, 2.5, 0.0, 0.7, 1.1, -0.4, 0.9, 3.3, -2.0, 0.1, 0.5};
        assertEquals(0.0, PopulationStabilityIndex.of(x, x.clone()), 0.0);
        assertEquals(PopulationStabilityIndex.DEFAULT_BINS - 1,
                PopulationStabilityIndex.builder().build().compute(x, x).boundaries().length);
    }

    @Test
    void invalidSettingsNameTheParameterAndValue() {
        Expect.rejects(IllegalArgumentException.class,
                () -> PopulationStabilityIndex.builder().bins(0).build(), "bins", "0");
        Expect.rejects(IllegalArgumentException.class,
                () -> PopulationStabilityIndex.builder().floor(0.0).build(), "floor", "0.0");
        assertThrows(IllegalArgumentException.class,
                () -> PopulationStabilityIndex.builder().floor(Double.NaN).build());
    }

    @Test
    void badSamplesAreRejectedByName() {
        Expect.rejects(IllegalArgumentException.class,
                () -> PopulationStabilityIndex.of(new double[0], new double[] {1}), "reference", "empty");
        Expect.rejects(IllegalArgumentException.class,
                () -> PopulationStabilityIndex.of(new double[] {1, 2}, new double[] {Double.NaN}), "current", "NaN");
    }
}
