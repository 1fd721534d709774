package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(NDManagerExtension.class)
class MinerTest {

    @TestManager
    private static NDManager manager;

    /** A random mining problem: Q x R matrix (integer-valued on even seeds, for ties) and labels. */
    record Problem(double[][] d, long[] queryLabels, long[] referenceLabels, DataType type) {

        static Problem random(long seed, DataType type) {
            Random random = new Random(seed);
            int queries = 1 + random.nextInt(12);
            int references = queries + (random.nextBoolean() ? 0 : random.nextInt(6));
            int[] classChoices = {1, 2, 3, references};
            int classes = classChoices[random.nextInt(classChoices.length)];
            long[] referenceLabels = new long[references];
            for (int i = 0; i < references; i++) {
                referenceLabels[i] = random.nextInt(classes);
            }
            long[] queryLabels = Arrays.copyOf(referenceLabels, queries);
            double[][] d = new double[queries][references];
            for (int i = 0; i < queries; i++) {
                for (int j = 0; j < references; j++) {
                    double value = seed % 2 == 0 ? random.nextInt(5) : random.nextDouble() * 3;
                    d[i][j] = type == DataType.FLOAT32 ? (float) value : value;
                }
            }
            return new Problem(d, queryLabels, referenceLabels, type);
        }

        NDArray distances() {
            return manager.create(d).toType(type, false);
        }

        NDArray queries() {
            return manager.create(queryLabels);
        }

        NDArray references() {
            return manager.create(referenceLabels);
        }

        SlowMining slow() {
            return new SlowMining(d, queryLabels, referenceLabels, type == DataType.FLOAT32);
        }

        List<long[]> mine(Miner miner) {
            return rows(miner.mine(distances(), queries(), references()));
        }
    }

    static List<long[]> rows(Triplets triplets) {
        long[] a = triplets.anchors().toLongArray();
        long[] p = triplets.positives().toLongArray();
        long[] n = triplets.negatives().toLongArray();
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            out.add(new long[] {a[i], p[i], n[i]});
        }
        return out;
    }

    static void assertSameTriplets(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size(), "triplet count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "triplet " + i);
        }
    }

    static Stream<Arguments> problems() {
        List<Arguments> out = new ArrayList<>();
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            for (long seed = 0; seed < 30; seed++) {
                out.add(Arguments.of(Problem.random(seed, type)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("problems")
    void batchAllListsEveryValidTriplet(Problem problem) {
        assertSameTriplets(problem.slow().all(Double.NaN), problem.mine(BatchAllMiner.all()));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void batchAllWithMarginKeepsPositiveHinges(Problem problem) {
        assertSameTriplets(problem.slow().all(0.7), problem.mine(BatchAllMiner.builder().margin(0.7f).build()));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void chunkedBatchAllEqualsUnchunked(Problem problem) {
        List<long[]> whole = problem.mine(BatchAllMiner.builder().margin(0.3f).build());
        assertSameTriplets(whole, problem.mine(BatchAllMiner.builder().margin(0.3f).chunkElements(1).build()));
        assertSameTriplets(whole, problem.mine(BatchAllMiner.builder().margin(0.3f).chunkElements(37).build()));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void hardMinerKeepsNegativesCloserThanPositives(Problem problem) {
        assertSameTriplets(problem.slow().all(0.0), problem.mine(new HardMiner()));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void batchHardPicksFarthestPositiveAndNearestNegative(Problem problem) {
        assertSameTriplets(problem.slow().batchHard(), problem.mine(new BatchHardMiner()));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void semiHardFollowsTheWindowAndTheTfFallback(Problem problem) {
        assertSameTriplets(problem.slow().semiHard(0.8), problem.mine(new SemiHardMiner(0.8f)));
        assertSameTriplets(problem.slow().semiHard(0.8), problem.mine(new SemiHardMiner(0.8f, 1)));
        assertSameTriplets(problem.slow().semiHard(0.0), problem.mine(new SemiHardMiner(0f, 5)));
    }

    @Test
    void singleClassAndAllSingletonBatchesGiveNoTriplet() {
        NDArray d = manager.create(new float[][] {{0, 1, 2}, {1, 0, 3}, {2, 3, 0}});
        NDArray oneClass = manager.create(new long[] {4, 4, 4});
        NDArray singletons = manager.create(new long[] {1, 2, 3});
        for (Miner miner : List.of(BatchAllMiner.all(), new HardMiner(), new BatchHardMiner(), new SemiHardMiner(1f))) {
            assertTrue(miner.mine(d, oneClass).isEmpty(), miner + " on one class");
            assertTrue(miner.mine(d, singletons).isEmpty(), miner + " on singletons");
        }
    }

    @Test
    void singletonIsNeverAnAnchorButServesAsNegative() {
        // labels: 0 0 1 (class 1 has a single sample)
        NDArray d = manager.create(new float[][] {{0, 2, 1}, {2, 0, 5}, {1, 5, 0}});
        List<long[]> triplets = rows(new BatchHardMiner().mine(d, manager.create(new long[] {0, 0, 1})));
        assertSameTriplets(List.of(new long[] {0, 1, 2}, new long[] {1, 0, 2}), triplets);
    }

    @Test
    void tiesGoToTheLowestIndex() {
        // anchor 0 (class 0): positives 1, 2 both at 3; negatives 3, 4 both at 1
        NDArray d = manager.create(new float[][] {{0, 3, 3, 1, 1}});
        NDArray labels = manager.create(new long[] {0, 0, 0, 1, 1});
        List<long[]> hard = rows(new BatchHardMiner().mine(d, labels.get("0:1"), labels));
        assertSameTriplets(List.<long[]>of(new long[] {0, 1, 3}), hard);
        // no negative beyond the positive: the fallback is the farthest negative, lowest index among ties
        List<long[]> semi = rows(new SemiHardMiner(0.5f).mine(d, labels.get("0:1"), labels));
        assertSameTriplets(List.of(new long[] {0, 1, 3}, new long[] {0, 2, 3}), semi);
    }

    @Test
    void capKeepsADistinctSeededSubsetOfTheFullSet() {
        Problem problem = bigProblem(24);
        List<long[]> full = problem.mine(BatchAllMiner.all());
        Set<String> fullSet = keys(full);
        List<long[]> capped = problem.mine(BatchAllMiner.builder().maxTriplets(50).seed(7).chunkElements(64).build());
        assertEquals(50, capped.size());
        Set<String> cappedSet = keys(capped);
        assertEquals(50, cappedSet.size(), "distinct");
        assertTrue(fullSet.containsAll(cappedSet), "subset of all triplets");
        List<long[]> again = problem.mine(BatchAllMiner.builder().maxTriplets(50).seed(7).build());
        assertSameTriplets(capped, again);
        List<long[]> otherSeed = problem.mine(BatchAllMiner.builder().maxTriplets(50).seed(8).build());
        assertNotEquals(cappedSet, keys(otherSeed));
        assertSameTriplets(full, problem.mine(BatchAllMiner.builder().maxTriplets(full.size()).build()));
    }

    @Test
    void capSamplesUniformly() {
        Problem problem = bigProblem(8);
        List<long[]> full = problem.mine(BatchAllMiner.all());
        int cap = full.size() / 4;
        BatchAllMiner miner = BatchAllMiner.builder().maxTriplets(cap).seed(1).build();
        Map<String, Integer> hits = new HashMap<>();
        int calls = 400;
        for (int i = 0; i < calls; i++) {
            for (String key : keys(problem.mine(miner))) {
                hits.merge(key, 1, Integer::sum);
            }
        }
        double expected = (double) cap / full.size();
        for (String key : keys(full)) {
            double frequency = hits.getOrDefault(key, 0) / (double) calls;
            assertEquals(expected, frequency, 0.1, "selection frequency of " + key);
        }
    }

    @Test
    void hardMinerCapIsASubset() {
        Problem problem = bigProblem(24);
        Set<String> all = keys(problem.mine(new HardMiner()));
        List<long[]> capped = problem.mine(new HardMiner(20, 3));
        assertEquals(Math.min(20, all.size()), capped.size());
        assertTrue(all.containsAll(keys(capped)));
    }

    @Test
    void badInputIsRejected() {
        NDArray d = manager.create(new float[][] {{0, 1}, {1, 0}});
        Expect.rejects(IllegalArgumentException.class,
                () -> new BatchHardMiner().mine(d, manager.create(new long[] {0, 1, 2})), "distances must have shape");
        assertThrows(IllegalArgumentException.class, () -> new SemiHardMiner(-1f));
        assertThrows(IllegalArgumentException.class, () -> BatchAllMiner.builder().maxTriplets(0));
        assertThrows(IllegalArgumentException.class, () -> BatchAllMiner.builder().margin(Float.NaN));
    }

    private static Problem bigProblem(int b) {
        Random random = new Random(11);
        long[] labels = new long[b];
        double[][] d = new double[b][b];
        for (int i = 0; i < b; i++) {
            labels[i] = i % (b < 10 ? 3 : 5);
            for (int j = 0; j < b; j++) {
                d[i][j] = (float) random.nextDouble();
            }
        }
        return new Problem(d, labels, labels, DataType.FLOAT32);
    }

    private static Set<String> keys(List<long[]> triplets) {
        Set<String> out = new HashSet<>();
        for (long[] t : triplets) {
            out.add(t[0] + "," + t[1] + "," + t[2]);
        }
        return out;
    }
}
