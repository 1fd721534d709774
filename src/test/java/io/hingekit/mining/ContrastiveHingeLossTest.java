package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class ContrastiveHingeLossTest {

    @TestManager
    private static NDManager manager;
    private static JsonNode reference;

    @BeforeAll
    static void readReference() {
        reference = Fixtures.referenceValues();
    }

    private static void assertMatchesReference(String name, ContrastiveHingeLoss loss) {
        JsonNode expected = Fixtures.referenceCase(reference, name);
        Fixtures.LossAndGradient actual = Fixtures.lossAndGradient(loss,
                manager.create(Fixtures.matrix(reference.get("embeddings"))),
                manager.create(Fixtures.longs(reference.get("labels"))));
        assertEquals(expected.get("loss").asDouble(), actual.loss(), 1e-9, name + " loss");
        assertArrayEquals(Fixtures.vector(expected.get("gradient")), actual.gradient(), 1e-9, name + " gradient");
    }

    @Test
    void allPairsMeanNonzeroMatchesReference() {
        assertMatchesReference("contrastive_euclidean_m1.5_mean_nonzero",
                ContrastiveHingeLoss.builder().margin(1.5f).build());
    }

    @Test
    void squaredTermsMatchReference() {
        assertMatchesReference("contrastive_euclidean_squared_m1.5_mean",
                ContrastiveHingeLoss.builder().margin(1.5f).squared(true).reduction(Reductions.MEAN).build());
    }

    @Test
    void minedPairsComeFromTheTriplets() {
        double[][] x = Fixtures.gaussian(3, 7, 3, 0.5);
        long[] labels = {0, 0, 1, 1, 1, 2, 3};
        double[][] d = Fixtures.euclidean(x);
        float margin = 0.8f;
        List<Double> expected = new ArrayList<>();
        List<long[]> triplets = new SlowMining(d, labels, labels, false).batchHard();
        triplets.forEach(t -> expected.add(d[(int) t[0]][(int) t[1]]));
        triplets.forEach(t -> expected.add(Math.max(0, margin - d[(int) t[0]][(int) t[2]])));
        ContrastiveHingeLoss loss = ContrastiveHingeLoss.builder().margin(margin).miner(new BatchHardMiner()).build();
        NDArray perPair = loss.perSample(new NDList(manager.create(labels)), new NDList(manager.create(x)));
        assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(), perPair.toDoubleArray(), 1e-9);
    }

    @Test
    void diagnosticsCountPairs() {
        double[][] x = Fixtures.gaussian(4, 5, 2, 1.0);
        long[] labels = {0, 0, 0, 1, 2};
        Map<String, NDArray> parts = ContrastiveHingeLoss.builder().build()
                .diagnostics(new NDList(manager.create(labels)), new NDList(manager.create(x)));
        assertEquals(6, parts.get("positive_pairs").getLong(), "3 same-class samples: 6 ordered pairs");
        assertEquals(14, parts.get("negative_pairs").getLong(), "20 ordered pairs - 6");
    }

    @Test
    void builderRejectsBadMargin() {
        assertThrows(IllegalArgumentException.class, () -> ContrastiveHingeLoss.builder().margin(Float.NaN).build());
    }
}
