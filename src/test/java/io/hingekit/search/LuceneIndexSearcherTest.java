package io.hingekit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hingekit.Expect;
import io.hingekit.config.VectorDistance;
import io.hingekit.export.ClusteredVectors;
import io.hingekit.export.ExportFormat;
import io.hingekit.export.FormatFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexSearcherTest {

    private static final int COUNT = 600;
    private static final int DIMENSION = 16;

    @TempDir
    static Path tmp;

    static ClusteredVectors data;
    static Path euclideanExport;

    @BeforeAll
    static void exportOnce() throws IOException {
        data = ClusteredVectors.generate(COUNT, DIMENSION, 6, 0.4, false, 7L);
        euclideanExport = tmp.resolve("lucene-euclidean");
        FormatFixtures.export(data.source(VectorDistance.EUCLIDEAN, false, 64), ExportFormat.LUCENE, euclideanExport);
    }

    /** Ids of the k nearest rows to a query by an obvious loop over all rows (ids equal row numbers). */
    private static long[] bruteForce(float[] query, int k, long skipId) {
        return IntStream.range(0, COUNT)
                .filter(i -> i != skipId)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> squaredDistance(query, data.row(i))))
                .limit(k)
                .mapToLong(i -> i)
                .toArray();
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - (double) b[j]) * (a[j] - (double) b[j]);
        }
        return sum;
    }

    @Test
    void storedVectorFindsItsOwnItemFirstAtDistanceZero() throws IOException {
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(euclideanExport)) {
            assertEquals(COUNT, searcher.count());
            assertEquals("EUCLIDEAN", searcher.manifest().hnsw().similarity());
            for (int row : new int[] {0, 123, 599}) {
                SearchHit top = searcher.searchByVector(data.row(row), 5, 100).get(0);
                assertEquals(row, top.id());
                assertEquals(data.labels()[row], top.label());
                assertEquals(0f, top.distance());
                assertEquals(1f, top.score()); // Lucene EUCLIDEAN score 1 / (1 + d^2)
            }
        }
    }

    @Test
    void searchByIdLeavesTheItemOutAndMatchesBruteForce() throws IOException {
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(euclideanExport)) {
            List<SearchHit> hits = searcher.searchById(42, 5, 200);
            assertEquals(5, hits.size());
            assertFalse(hits.stream().anyMatch(h -> h.id() == 42));
            assertEquals(Arrays.toString(bruteForce(data.row(42), 5, 42)),
                    Arrays.toString(hits.stream().mapToLong(SearchHit::id).toArray()));
            for (SearchHit hit : hits) {
                double expected = Math.sqrt(squaredDistance(data.row(42), data.row((int) hit.id())));
                assertEquals(expected, hit.distance(), 1e-5);
            }
        }
    }

    @Test
    void normalisedEmbeddingsGetCosineSimilarity() throws IOException {
        ClusteredVectors unit = ClusteredVectors.generate(50, 8, 3, 0.3, true, 3L);
        Path out = tmp.resolve("lucene-cosine");
        FormatFixtures.export(unit.source(VectorDistance.EUCLIDEAN, true, 16), ExportFormat.LUCENE, out);
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(out)) {
            assertEquals("COSINE", searcher.manifest().hnsw().similarity());
            SearchHit top = searcher.searchByVector(unit.row(7), 1, 50).get(0);
            assertEquals(7, top.id());
            assertEquals(1f, top.score(), 1e-6); // Lucene COSINE score (1 + cos) / 2
        }
    }

    @Test
    void dimensionMismatchNamesBothDimensions() throws IOException {
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(euclideanExport)) {
            Expect.rejects(IllegalArgumentException.class,
                    () -> searcher.searchByVector(new float[3], 5, 100), "dimension 3", "dimension 16");
        }
    }

    @Test
    void unknownIdIsReported() throws IOException {
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(euclideanExport)) {
            Expect.rejects(IllegalArgumentException.class,
                    () -> searcher.searchById(123456, 5, 100), "no item with id 123456");
        }
    }

    @Test
    void directoryWithoutManifestIsRefused() throws IOException {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("segments_1"), "not lucene");
        assertRefused(foreign, "manifest.json is missing");
        assertRefused(tmp.resolve("absent"), "is not a directory");
    }

    @Test
    void otherFormatsAndBrokenManifestsAreRefused() throws IOException {
        Path npy = tmp.resolve("npy-export");
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.NPY, npy);
        assertRefused(npy, "holds a 'npy' export, not a Lucene index");

        Path garbled = Files.createDirectories(tmp.resolve("garbled"));
        Files.writeString(garbled.resolve("manifest.json"), "{\"format\": \"lucene\", \"count\": ");
        assertRefused(garbled, "not a valid Hingekit manifest");
    }

    @Test
    void corruptIndexIsRefused() throws IOException {
        Path copy = tmp.resolve("corrupt");
        copyTree(euclideanExport, copy);
        try (Stream<Path> files = Files.list(copy.resolve("index"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length / 2] ^= 0x5A;
                Files.write(file, bytes);
            }
        }
        assertRefused(copy, "cannot be read");

        Path empty = tmp.resolve("no-index");
        copyTree(euclideanExport, empty);
        try (Stream<Path> files = Files.list(empty.resolve("index"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        assertRefused(empty, "no Lucene index");
    }

    private static void assertRefused(Path directory, String expectedMessage) {
        Expect.rejects(IllegalArgumentException.class,
                () -> LuceneIndexSearcher.open(directory).close(), expectedMessage);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }
}
