package io.hingekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import io.hingekit.mining.CosineDistance;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class RetrievalMetricsTest {

    @TestManager
    private static NDManager manager;

    @Test
    void matchesScikitLearnNeighboursAndPmlDefinitions() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("retrieval_reference.json")) {
            root = new ObjectMapper().readTree(in);
        }
        JsonNode rows = root.get("embeddings");
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[rows.get(i).size()];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        long[] labels = new long[root.get("labels").size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = root.get("labels").get(i).asLong();
        }
        JsonNode expected = root.get("expected");
        for (int block : new int[] {1024, 7}) {
            RetrievalMetrics metrics =
                    RetrievalMetrics.builder().knnK(root.get("knn_k").asInt()).queryBlock(block).build();
            RetrievalReport report = metrics.evaluate(manager.create(x), manager.create(labels));
            assertEquals(expected.get("queries").asLong(), report.queries());
            assertEquals(expected.get("skipped").asLong(), report.skippedQueries());
            assertEquals(expected.get("p1").asDouble(), report.precisionAt1(), 1e-12);
            assertEquals(expected.get("rp").asDouble(), report.rPrecision(), 1e-12);
            assertEquals(expected.get("map").asDouble(), report.mapAtR(), 1e-12);
            assertEquals(expected.get("r1").asDouble(), report.recallAt1(), 1e-12);
            assertEquals(expected.get("r5").asDouble(), report.recallAt5(), 1e-12);
            assertEquals(expected.get("r10").asDouble(), report.recallAt10(), 1e-12);
            assertEquals(expected.get("knn").asDouble(), report.knnAccuracy(), 1e-12);
        }
    }

    @Test
    void handComputedExample() {
        // points on a line: A0=0, A1=1, B2=1.5, A3=5, B4=5.2, C5=9 (C is a singleton: skipped)
        double[][] x = {{0}, {1}, {1.5}, {5}, {5.2}, {9}};
        long[] labels = {0, 0, 1, 0, 1, 2};
        RetrievalReport report = RetrievalMetrics.builder().knnK(3).build()
                .evaluate(manager.create(x), manager.create(labels));
        assertEquals(5, report.queries());
        assertEquals(1, report.skippedQueries());
        // nearest: 0->1 (A, hit), 1->2 (B, miss), 2->1 (A, miss), 3->4 (B, miss), 4->3 (A, miss)
        assertEquals(1.0 / 5, report.precisionAt1(), 1e-12);
        // R: A items have R=2, B items R=1. ranking 0: 1,2,3 -> rel 1,0,1: R-prec 1/2, AP@R (1/1)/2 = 0.5
        // 1: 2,0,3 -> 0,1: R-prec 1/2, AP@R (1/2)/2 = 0.25 ; 2: 1,0,3,4 -> R=1: 0, AP 0
        // 3: 4,2,1,0 -> 0,0: 0 ; 4: 3,2,1,0 -> R=1: rel(3)=0: 0
        assertEquals((0.5 + 0.5 + 0 + 0 + 0) / 5, report.rPrecision(), 1e-12);
        assertEquals((0.5 + 0.25) / 5, report.mapAtR(), 1e-12);
        // recall@5 (all 5 others): every query has a same-label item somewhere
        assertEquals(1.0, report.recallAt5(), 1e-12);
        // 3-NN votes: 0: A,B,A -> A ok; 1: B,A,A -> A ok; 2: A,A,A -> A wrong; 3: B,B,A -> B wrong; 4: A,B,A -> A wrong
        assertEquals(2.0 / 5, report.knnAccuracy(), 1e-12);
        assertEquals(3, report.knnK());
    }

    @Test
    void knnTiesGoToTheLabelSeenFirst() {
        // with k = 2, two different labels always tie 1-1 and the nearest wins: 2-NN accuracy = precision@1
        Random random = new Random(8);
        double[][] x = new double[40][3];
        long[] labels = new long[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = i % 6;
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
        }
        RetrievalReport report = RetrievalMetrics.builder().knnK(2).build()
                .evaluate(manager.create(x), manager.create(labels));
        assertTrue(report.precisionAt1() > 0 && report.precisionAt1() < 1, "some but not all hits");
        assertEquals(report.precisionAt1(), report.knnAccuracy(), 1e-12);
    }

    @Test
    void agreesWithABruteForceLoopOnRandomData() {
        Random random = new Random(3);
        for (int trial = 0; trial < 4; trial++) {
            int n = 20 + random.nextInt(30);
            double[][] x = new double[n][4];
            long[] labels = new long[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextInt(2 + trial * 3);
                for (int j = 0; j < 4; j++) {
                    x[i][j] = (float) (random.nextGaussian() + labels[i] * 0.3);
                }
            }
            int k = 1 + 2 * trial;
            RetrievalReport report = RetrievalMetrics.builder().knnK(k).queryBlock(1 + trial * 5).build()
                    .evaluate(manager.create(x).toType(DataType.FLOAT32, false), manager.create(labels));
            double[] expected = bruteForce(x, labels, k);
            assertEquals((long) expected[0], report.queries(), "trial " + trial);
            assertEquals(expected[1], report.precisionAt1(), 1e-9);
            assertEquals(expected[2], report.rPrecision(), 1e-9);
            assertEquals(expected[3], report.mapAtR(), 1e-9);
            assertEquals(expected[4], report.recallAt5(), 1e-9);
            assertEquals(expected[5], report.recallAt10(), 1e-9);
            assertEquals(expected[6], report.knnAccuracy(), 1e-9);
        }
    }

    @Test
    void allSingletonsGiveNoQuery() {
        RetrievalReport report = RetrievalMetrics.builder().build()
                .evaluate(manager.create(new float[][] {{0, 1}, {2, 3}}), manager.create(new long[] {4, 5}));
        assertEquals(0, report.queries());
        assertEquals(2, report.skippedQueries());
        assertTrue(Double.isNaN(report.mapAtR()));
        RetrievalReport one = RetrievalMetrics.builder().build()
                .evaluate(manager.create(new float[][] {{0, 1}}), manager.create(new long[] {4}));
        assertEquals(1, one.skippedQueries());
    }

    @Test
    void otherDistancesAndFloat16AreAccepted() {
        double[][] x = {{1, 0}, {0.9, 0.1}, {0, 1}, {0.1, 2}};
        long[] labels = {0, 0, 1, 1};
        NDArray half = manager.create(x).toType(DataType.FLOAT16, false);
        RetrievalReport report = RetrievalMetrics.builder().distance(new CosineDistance()).build()
                .evaluate(half, manager.create(labels));
        assertEquals(1.0, report.precisionAt1(), 1e-12);
        assertEquals(1.0, report.mapAtR(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.builder().knnK(0).build());
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.builder().build()
                .evaluate(manager.create(new float[][] {{0}, {1}}), manager.create(new long[] {1})));
    }

    /** Returns {queries, p@1, R-precision, MAP@R, recall@5, recall@10, kNN accuracy} by sorting all distances. */
    private static double[] bruteForce(double[][] x, long[] labels, int k) {
        int n = x.length;
        double[] sums = new double[7];
        for (int q = 0; q < n; q++) {
            int r = -1;
            for (long label : labels) {
                r += label == labels[q] ? 1 : 0;
            }
            if (r == 0) {
                continue;
            }
            final int query = q;
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != q) {
                    order.add(j);
                }
            }
            order.sort(Comparator.comparingDouble(j -> distance(x[query], x[j])));
            int hitsWithinR = 0;
            double ap = 0;
            int hits = 0;
            boolean in5 = false;
            boolean in10 = false;
            for (int rank = 1; rank <= order.size(); rank++) {
                boolean relevant = labels[order.get(rank - 1)] == labels[q];
                if (relevant) {
                    hits++;
                    in5 |= rank <= 5;
                    in10 |= rank <= 10;
                    if (rank <= r) {
                        hitsWithinR++;
                        ap += (double) hits / rank;
                    }
                }
            }
            sums[0]++;
            sums[1] += labels[order.get(0)] == labels[q] ? 1 : 0;
            sums[2] += (double) hitsWithinR / r;
            sums[3] += ap / r;
            sums[4] += in5 ? 1 : 0;
            sums[5] += in10 ? 1 : 0;
            sums[6] += majority(order.subList(0, Math.min(k, order.size())), labels) == labels[q] ? 1 : 0;
        }
        for (int i = 1; i < sums.length; i++) {
            sums[i] /= sums[0];
        }
        return sums;
    }

    private static long majority(List<Integer> nearest, long[] labels) {
        long best = -1;
        int bestVotes = 0;
        for (int i = 0; i < nearest.size(); i++) {
            long label = labels[nearest.get(i)];
            int votes = 0;
            for (int j : nearest) {
                votes += labels[j] == label ? 1 : 0;
            }
            if (votes > bestVotes) {
                best = label;
                bestVotes = votes;
            }
        }
        return best;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
