package io.hingekit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import io.hingekit.config.ConfigWord;
import io.hingekit.config.VectorDistance;
import io.hingekit.export.ClusteredVectors;
import io.hingekit.export.ExportFormat;
import io.hingekit.export.FormatFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexRecallEvaluatorTest {

    @TempDir
    Path tmp;

    @Test
    void defaultHnswReachesRecall98OnTenThousandClusteredUnitVectors() throws IOException {
        ClusteredVectors data = ClusteredVectors.generate(10_000, 64, 20, 0.2, true, 11L);
        Path out = tmp.resolve("10k");
        FormatFixtures.export(data.source(VectorDistance.COSINE, true, 512), ExportFormat.LUCENE, out);
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(out)) {
            IndexRecallReport report = IndexRecallEvaluator.builder().build().evaluate(searcher);
            assertEquals(10_000, report.count());
            assertEquals(1000, report.queries());
            assertTrue(report.recallAtK() >= 0.98, "recall@10 " + report.recallAtK());
            assertTrue(report.precisionAtK() <= report.exactPrecisionAtK() + 0.01, report.toString());
        }
    }

    /** Exact search of every similarity branch against an obvious loop, with blocks smaller than the data. */
    @ParameterizedTest
    @CsvSource({"euclidean,false,EUCLIDEAN", "euclidean,true,COSINE", "cosine,false,COSINE", "dot,false,"
            + "MAXIMUM_INNER_PRODUCT", "dot,true,DOT_PRODUCT"})
    void exactNeighboursMatchALoopReference(String distance, boolean normalized, String similarity)
            throws IOException {
        ClusteredVectors data = ClusteredVectors.generate(200, 8, 4, 0.5, normalized, 5L);
        Path out = tmp.resolve(distance + normalized);
        FormatFixtures.export(data.source(ConfigWord.parse(VectorDistance.class, distance), normalized, 50), ExportFormat.LUCENE, out);
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(out)) {
            IndexRecallReport report = IndexRecallEvaluator.builder()
                    .k(5).queries(200).candidates(200).blockRows(64).build().evaluate(searcher);
            assertEquals(similarity, report.similarity());
            assertEquals(referencePrecision(data, 5, closeness(similarity)), report.exactPrecisionAtK(), 1e-12);
            // With as many candidates as items the graph search visits every node, so it is exact too.
            assertEquals(1.0, report.recallAtK(), 1e-12);
        }
    }

    /** Larger is closer, ranking like the Lucene similarity. */
    private static BiFunction<float[], float[], Double> closeness(String similarity) {
        return switch (similarity) {
            case "EUCLIDEAN" -> (a, b) -> -IntStream.range(0, a.length)
                    .mapToDouble(j -> (a[j] - (double) b[j]) * (a[j] - (double) b[j])).sum();
            case "COSINE" -> (a, b) -> dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
            default -> IndexRecallEvaluatorTest::dot;
        };
    }

    private static double dot(float[] a, float[] b) {
        return IntStream.range(0, a.length).mapToDouble(j -> (double) a[j] * b[j]).sum();
    }

    private static double referencePrecision(ClusteredVectors data, int k, BiFunction<float[], float[], Double> close) {
        double sum = 0;
        for (int q = 0; q < data.count(); q++) {
            float[] query = data.row(q);
            double[] closeness = new double[data.count()];
            for (int i = 0; i < data.count(); i++) {
                closeness[i] = close.apply(query, data.row(i));
            }
            int label = data.labels()[q];
            int self = q;
            long same = IntStream.range(0, data.count())
                    .filter(i -> i != self)
                    .boxed()
                    .sorted(Comparator.comparingDouble(i -> -closeness[i]))
                    .limit(k)
                    .filter(i -> data.labels()[i] == label)
                    .count();
            sum += (double) same / k;
        }
        return sum / data.count();
    }

    @Test
    void tooFewItemsForKAreReported() throws IOException {
        Path out = tmp.resolve("tiny");
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.LUCENE, out);
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(out)) {
            Expect.rejects(IllegalArgumentException.class,
                    () -> IndexRecallEvaluator.builder().k(3).build().evaluate(searcher),
                    "holds 3 items, too few for k=3");
        }
    }

    @Test
    void builderRejectsNonPositiveParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IndexRecallEvaluator.builder().queries(0).build());
        assertEquals("queries must be > 0, got 0", e.getMessage());
    }

    @Test
    void medianAndNearestRankPercentile() {
        assertEquals(2.5, IndexRecallEvaluator.median(new long[] {1, 2, 3, 4}));
        assertEquals(3.0, IndexRecallEvaluator.median(new long[] {1, 3, 9}));
        long[] hundred = LongStreamOfOneTo100.values();
        assertEquals(99.0, IndexRecallEvaluator.nearestRank(hundred, 0.99));
        assertEquals(100.0, IndexRecallEvaluator.nearestRank(hundred, 1.0));
        assertEquals(7.0, IndexRecallEvaluator.nearestRank(new long[] {7}, 0.99));
        // 10 values: the 99th percentile is the 10th (ceil(9.9)), the largest.
        assertEquals(10.0, IndexRecallEvaluator.nearestRank(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.99));
    }

    private static final class LongStreamOfOneTo100 {
        static long[] values() {
            return java.util.stream.LongStream.rangeClosed(1, 100).toArray();
        }
    }
}
