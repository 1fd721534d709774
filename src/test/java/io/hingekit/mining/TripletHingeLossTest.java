package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NDManagerExtension.class)
class TripletHingeLossTest {

    @TestManager
    private static NDManager manager;
    private static JsonNode reference;

    @BeforeAll
    static void readReference() {
        reference = Fixtures.referenceValues();
    }

    private static NDArray referenceEmbeddings() {
        return manager.create(Fixtures.matrix(reference.get("embeddings")));
    }

    private static NDArray referenceLabels() {
        return manager.create(Fixtures.longs(reference.get("labels")));
    }

    private static void assertMatchesReference(String name, TripletHingeLoss loss) {
        JsonNode expected = Fixtures.referenceCase(reference, name);
        Fixtures.LossAndGradient actual = Fixtures.lossAndGradient(loss, referenceEmbeddings(), referenceLabels());
        assertEquals(expected.get("loss").asDouble(), actual.loss(), 1e-9, name + " loss");
        assertArrayEquals(Fixtures.vector(expected.get("gradient")), actual.gradient(), 1e-9, name + " gradient");
    }

    @Test
    void batchHardMatchesTfAddonsTripletHardLoss() {
        assertMatchesReference("batch_hard_euclidean_m0.3_mean", TripletHingeLoss.builder()
                .margin(0.3f).miner(new BatchHardMiner()).reduction(Reductions.MEAN).build());
    }

    @Test
    void softMarginBatchHardMatchesTfAddonsSoftVariant() {
        assertMatchesReference("batch_hard_euclidean_soft_mean", TripletHingeLoss.builder()
                .softMargin(true).miner(new BatchHardMiner()).reduction(Reductions.MEAN).build());
    }

    @Test
    void theDefaultMinerIsBatchHardAsInAConfig() {
        NDList labels = new NDList(referenceLabels());
        NDList embeddings = new NDList(referenceEmbeddings());
        NDArray byDefault = TripletHingeLoss.builder().build().perSample(labels, embeddings);
        NDArray batchHard =
                TripletHingeLoss.builder().miner(new BatchHardMiner()).build().perSample(labels, embeddings);
        assertArrayEquals(batchHard.toArray(), byDefault.toArray());
    }

    @Test
    void batchAllMeanNonzeroMatchesPmlStyleReference() {
        assertMatchesReference("batch_all_euclidean_m0.2_mean_nonzero",
                TripletHingeLoss.builder().margin(0.2f).miner(BatchAllMiner.all()).build());
    }

    @Test
    void cosineBatchAllMeanMatchesReference() {
        assertMatchesReference("batch_all_cosine_m0.1_mean", TripletHingeLoss.builder()
                .margin(0.1f).distance(new CosineDistance()).miner(BatchAllMiner.all()).reduction(Reductions.MEAN)
                .build());
    }

    @Test
    void squaredEuclideanMatchesReference() {
        assertMatchesReference("batch_all_euclidean_squared_m0.5_mean", TripletHingeLoss.builder()
                .margin(0.5f).squared(true).miner(BatchAllMiner.all()).reduction(Reductions.MEAN).build());
    }

    @Test
    void hardMinerMatchesReference() {
        assertMatchesReference("hard_euclidean_m0.2_mean", TripletHingeLoss.builder()
                .margin(0.2f).miner(new HardMiner()).reduction(Reductions.MEAN).build());
    }

    @Test
    void semiHardLossSumMatchesTfAddonsTimesItsPairCount() {
        JsonNode expected = Fixtures.referenceCase(reference, "tf_semihard_squared_m0.5_sum");
        TripletHingeLoss loss = TripletHingeLoss.builder()
                .margin(0.5f).distance(new SquaredEuclideanDistance()).miner(new SemiHardMiner(0.5f)).build();
        NDArray perTriplet = loss.perSample(new NDList(referenceLabels()), new NDList(referenceEmbeddings()));
        assertEquals(expected.get("loss").asDouble(), perTriplet.sum().getDouble(), 1e-9);
        assertEquals(22, expected.get("pairs").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32", "float64"})
    void reductionsMatchALoopOverAllTriples(String typeName) {
        DataType type = DataType.valueOf(typeName.toUpperCase());
        double tolerance = type == DataType.FLOAT32 ? 1e-4 : 1e-10;
        for (long seed = 0; seed < 6; seed++) {
            double[][] x = Fixtures.gaussian(seed, 10, 4, 0.5);
            long[] labels = Fixtures.randomLabels(seed, 10, (int) (seed % 3) + 2);
            double[][] d = Fixtures.euclidean(x);
            float margin = 0.4f;
            double sum = 0;
            int count = 0;
            int active = 0;
            for (int a = 0; a < 10; a++) {
                for (int p = 0; p < 10; p++) {
                    for (int n = 0; n < 10; n++) {
                        if (a != p && labels[a] == labels[p] && labels[a] != labels[n]) {
                            double hinge = Math.max(0, d[a][p] - d[a][n] + margin);
                            sum += hinge;
                            count++;
                            active += hinge > 0 ? 1 : 0;
                        }
                    }
                }
            }
            NDList in = new NDList(manager.create(x).toType(type, false));
            NDList classes = new NDList(manager.create(labels));
            TripletHingeLoss meanLoss = TripletHingeLoss.builder().margin(margin).miner(BatchAllMiner.all())
                    .reduction(Reductions.MEAN).build();
            double mean = lossValue(meanLoss, classes, in);
            double meanNonzero = lossValue(
                    TripletHingeLoss.builder().margin(margin).miner(BatchAllMiner.all()).build(), classes, in);
            assertEquals(count == 0 ? 0 : sum / count, mean, tolerance, "MEAN, seed " + seed);
            assertEquals(active == 0 ? 0 : sum / active, meanNonzero, tolerance, "MEAN_NONZERO, seed " + seed);
        }
    }

    @Test
    void reductionsOfAnEmptyInputAreZero() {
        NDArray empty = manager.create(new float[0]);
        assertEquals(0f, Reductions.MEAN.reduce(empty).getFloat());
        assertEquals(0f, Reductions.MEAN_NONZERO.reduce(empty).getFloat());
        NDArray losses = manager.create(new float[] {0f, 2f, 0f, 4f});
        assertEquals(1.5f, Reductions.MEAN.reduce(losses).getFloat(), 1e-6);
        assertEquals(3f, Reductions.MEAN_NONZERO.reduce(losses).getFloat(), 1e-6);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[][] x = Fixtures.gaussian(42, 9, 3, 0.6);
        long[] labels = {0, 0, 0, 1, 1, 1, 2, 2, 3};
        List<TripletHingeLoss> losses = List.of(
                TripletHingeLoss.builder().margin(0.5f).miner(new BatchHardMiner()).build(),
                TripletHingeLoss.builder().margin(0.5f).miner(new SemiHardMiner(0.5f)).build(),
                TripletHingeLoss.builder().margin(0.5f).distance(new CosineDistance()).miner(BatchAllMiner.all())
                        .build(),
                TripletHingeLoss.builder().softMargin(true).squared(true).miner(BatchAllMiner.all()).build());
        for (TripletHingeLoss loss : losses) {
            NDArray classes = manager.create(labels);
            double[] analytic = Fixtures.lossAndGradient(loss, manager.create(x), classes).gradient();
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    double saved = x[i][j];
                    x[i][j] = saved + h;
                    double up = lossValue(loss, new NDList(classes), new NDList(manager.create(x)));
                    x[i][j] = saved - h;
                    double down = lossValue(loss, new NDList(classes), new NDList(manager.create(x)));
                    x[i][j] = saved;
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, analytic[i * x[i].length + j], 1e-6, "d/dx[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void batchWithoutTripletGivesAttachedZeroAndIsCounted() {
        TripletHingeLoss loss = TripletHingeLoss.builder().miner(new BatchHardMiner()).build();
        double[][] x = Fixtures.gaussian(1, 4, 3, 1.0);
        for (long[] labels : new long[][] {{5, 5, 5, 5}, {0, 1, 2, 3}}) {
            Fixtures.LossAndGradient result = Fixtures.lossAndGradient(loss, manager.create(x), manager.create(labels));
            assertEquals(0.0, result.loss());
            assertArrayEquals(new double[12], result.gradient());
        }
        assertEquals(2, loss.noTripletBatches());
        loss.evaluate(new NDList(manager.create(new long[] {1, 1, 1, 1})), new NDList(manager.create(x)));
        assertEquals(2, loss.noTripletBatches(), "calls outside a gradient collector are not training batches");
        Map<String, NDArray> parts = loss.diagnostics(
                new NDList(manager.create(new long[] {1, 1, 1, 1})), new NDList(manager.create(x)));
        assertEquals(0L, parts.get("triplets").getLong());
        assertEquals(0.0, parts.get("mean_d_ap").toType(DataType.FLOAT64, false).getDouble());
        assertEquals(2L, parts.get("no_triplet_batches").getLong());
    }

    @Test
    void zeroDistancePairsKeepFiniteGradients() {
        double[][] x = {{1, 2}, {1, 2}, {1, 2}, {0, 0}};
        for (Distance distance : List.of(new EuclideanDistance(), new NormalizedDistance(new EuclideanDistance()))) {
            TripletHingeLoss loss = TripletHingeLoss.builder().margin(1f).distance(distance)
                    .miner(BatchAllMiner.all()).reduction(Reductions.MEAN).build();
            Fixtures.LossAndGradient result = Fixtures.lossAndGradient(
                    loss, manager.create(x).toType(DataType.FLOAT32, false), manager.create(new long[] {0, 0, 1, 1}));
            assertTrue(Double.isFinite(result.loss()));
            for (double g : result.gradient()) {
                assertFalse(Double.isNaN(g) || Double.isInfinite(g), "gradient " + Arrays.toString(result.gradient()));
            }
        }
    }

    @Test
    void float16EmbeddingsAreComputedInFloat32() {
        double[][] x = Fixtures.gaussian(5, 8, 4, 1.0);
        NDArray half = manager.create(x).toType(DataType.FLOAT16, false);
        NDArray widened = half.toType(DataType.FLOAT32, true);
        NDList labels = new NDList(manager.create(new long[] {0, 0, 1, 1, 2, 2, 3, 3}));
        TripletHingeLoss loss = TripletHingeLoss.builder().margin(0.3f).miner(new BatchHardMiner()).build();
        NDArray fromHalf = loss.evaluate(labels, new NDList(half));
        assertEquals(DataType.FLOAT32, fromHalf.getDataType());
        assertEquals(loss.evaluate(labels, new NDList(widened)).getFloat(), fromHalf.getFloat(), 0f);
        Fixtures.LossAndGradient result = Fixtures.lossAndGradient(loss, half, labels.get(0));
        for (double g : result.gradient()) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void perSampleAndDiagnosticsAgreeWithALoop() {
        double[][] x = Fixtures.gaussian(9, 8, 3, 0.4);
        long[] labels = {0, 0, 0, 1, 1, 2, 2, 3};
        double[][] d = Fixtures.euclidean(x);
        TripletHingeLoss loss = TripletHingeLoss.builder().margin(0.25f).miner(new BatchHardMiner()).build();
        NDList in = new NDList(manager.create(x));
        NDList classes = new NDList(manager.create(labels));
        List<long[]> triplets = new SlowMining(d, labels, labels, false).batchHard();
        double[] expectedLosses = new double[triplets.size()];
        double sumAp = 0;
        double sumAn = 0;
        int active = 0;
        for (int i = 0; i < triplets.size(); i++) {
            long[] t = triplets.get(i);
            double ap = d[(int) t[0]][(int) t[1]];
            double an = d[(int) t[0]][(int) t[2]];
            expectedLosses[i] = Math.max(0, ap - an + 0.25f);
            sumAp += ap;
            sumAn += an;
            active += expectedLosses[i] > 0 ? 1 : 0;
        }
        assertArrayEquals(expectedLosses, loss.perSample(classes, in).toDoubleArray(), 1e-9);
        Map<String, NDArray> parts = loss.diagnostics(classes, in);
        assertEquals(List.of("triplets", "active_fraction", "mean_d_ap", "mean_d_an", "no_triplet_batches"),
                List.copyOf(parts.keySet()));
        assertEquals(triplets.size(), parts.get("triplets").getLong());
        assertEquals((double) active / triplets.size(), parts.get("active_fraction").getDouble(), 1e-12);
        assertEquals(sumAp / triplets.size(), parts.get("mean_d_ap").getDouble(), 1e-9);
        assertEquals(sumAn / triplets.size(), parts.get("mean_d_an").getDouble(), 1e-9);
    }

    @Test
    void builderRejectsBadProperties() {
        Expect.rejects(IllegalArgumentException.class,
                () -> TripletHingeLoss.builder().margin(-0.1f).build(), "margin", "-0.1");
        Expect.rejects(IllegalArgumentException.class, () -> TripletHingeLoss.builder().miner(null).build(), "miner");
        assertThrows(IllegalArgumentException.class, () -> TripletHingeLoss.builder().name("").build());
    }

    @Test
    void badInputIsRejected() {
        TripletHingeLoss loss = TripletHingeLoss.builder().build();
        Expect.rejects(IllegalArgumentException.class, () -> loss.evaluate(
                new NDList(manager.create(new long[] {0, 1})), new NDList(manager.ones(new Shape(3, 2)))),
                "one class id per embedding");
        assertThrows(IllegalArgumentException.class, () -> loss.evaluate(
                new NDList(manager.create(new long[] {0})),
                new NDList(manager.create(new int[] {1, 2}).reshape(1, 2))));
    }

    private static double lossValue(TripletHingeLoss loss, NDList labels, NDList predictions) {
        return loss.evaluate(labels, predictions).toType(DataType.FLOAT64, false).getDouble();
    }
}
