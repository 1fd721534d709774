package io.hingekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.Expect;
import io.hingekit.config.VectorDistance;
import io.hingekit.inference.EmbeddingBatch;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.EmbeddingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportServiceTest {

    @TempDir
    Path tmp;

    private static EmbeddingMetadata modelMetadata() {
        return new EmbeddingMetadata("runs/triplet-1", "sha256:abc123", Map.of("embeddingDim", 2, "loss", "triplet"),
                "fashion-mnist/test", VectorDistance.EUCLIDEAN, false, List.of("a", "b", "c"));
    }

    @Test
    void manifestRecordsModelShapeDistanceAndFiles() throws IOException {
        Path out = tmp.resolve("export");
        ExportResult result = new ExportService().export(FormatFixtures.source(modelMetadata()),
                ExportOptions.builder().format(ExportFormat.LUCENE).out(out).maxConnections(8).beamWidth(40).build());
        assertEquals(3, result.count());
        assertTrue(result.seconds() > 0 && result.itemsPerSecond() > 0);

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(1, manifest.get("manifestVersion").asInt());
        assertEquals("lucene", manifest.get("format").asText());
        assertEquals("runs/triplet-1", manifest.get("modelDir").asText());
        assertEquals("sha256:abc123", manifest.get("parameterChecksum").asText());
        assertEquals("triplet", manifest.get("config").get("loss").asText());
        assertEquals(3, manifest.get("count").asLong());
        assertEquals(2, manifest.get("dimension").asInt());
        assertEquals("euclidean", manifest.get("distance").asText());
        assertFalse(manifest.get("normalized").asBoolean());
        assertEquals("b", manifest.get("labelNames").get(1).asText());
        assertTrue(manifest.get("wallSeconds").asDouble() > 0);
        assertTrue(manifest.get("createdAt").asText().endsWith("Z"));
        assertEquals("index", manifest.get("files").get(0).asText());
        JsonNode hnsw = manifest.get("hnsw");
        assertEquals(8, hnsw.get("maxConnections").asInt());
        assertEquals(40, hnsw.get("beamWidth").asInt());
        assertEquals("EUCLIDEAN", hnsw.get("similarity").asText());
    }

    @Test
    void nonLuceneManifestHasNoHnswEntry() throws IOException {
        Path out = tmp.resolve("npy");
        FormatFixtures.export(FormatFixtures.source(modelMetadata()), ExportFormat.NPY, out);
        ExportManifest manifest = ExportManifest.read(out);
        assertNull(manifest.hnsw());
        assertEquals(List.of("vectors.npy", "ids.npy", "labels.npy"), manifest.files());
        assertFalse(Files.readString(out.resolve("manifest.json")).contains("hnsw"));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void failingSourceLeavesNoResultAndNoTemporaryDirectory(ExportFormat format) throws IOException {
        Path out = tmp.resolve("failed-" + format.id());
        EmbeddingSource failing = new FailingSource(FormatFixtures.source(FormatFixtures.euclidean()), 1);
        Expect.rejects(IllegalStateException.class,
                () -> FormatFixtures.export(failing, format, out), "simulated model failure");
        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(tmp));
    }

    @Test
    void failedOverwriteKeepsThePreviousExport() throws IOException {
        Path out = tmp.resolve("export");
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.NPY, out);
        byte[] before = Files.readAllBytes(out.resolve("vectors.npy"));

        EmbeddingSource failing = new FailingSource(FormatFixtures.source(FormatFixtures.euclidean()), 1);
        ExportOptions overwrite = ExportOptions.builder().format(ExportFormat.JSONL).out(out).overwrite(true).build();
        assertThrows(IllegalStateException.class, () -> new ExportService().export(failing, overwrite));

        assertEquals(List.of("export"), listing(tmp));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("vectors.npy"))));
        assertEquals(ExportFormat.NPY, ExportManifest.read(out).format());
    }

    @Test
    void successfulOverwriteReplacesThePreviousExport() throws IOException {
        Path out = tmp.resolve("export");
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.NPY, out);
        ExportOptions overwrite = ExportOptions.builder().format(ExportFormat.JSONL).out(out).overwrite(true).build();
        new ExportService().export(FormatFixtures.source(FormatFixtures.euclidean()), overwrite);

        assertEquals(List.of("export"), listing(tmp));
        assertEquals(List.of("embeddings.jsonl", "manifest.json"), listing(out));
        assertEquals(ExportFormat.JSONL, ExportManifest.read(out).format());
    }

    @Test
    void existingNonEmptyOutIsRefusedWithoutOverwrite() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Expect.rejects(IllegalArgumentException.class,
                () -> FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.NPY, out),
                "already exists and is not empty; pass --overwrite");
        assertEquals(List.of("keep.txt"), listing(out));
        assertEquals(List.of("taken"), listing(tmp));
    }

    @Test
    void outUnderAFileIsRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "mine");
        Path out = file.resolve("export");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.NPY, out));
        assertEquals("--out: " + out + " lies under " + file + ", which is a file, not a directory", e.getMessage());
        assertEquals(List.of("a-file"), listing(tmp));
    }

    @Test
    void existingEmptyOutIsUsed() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.JSONL, out);
        assertEquals(List.of("embeddings.jsonl", "manifest.json"), listing(out));
    }

    @Test
    void batchOfAnotherDimensionIsRejected() {
        EmbeddingSource lying = new SingleBatchSource(2, EmbeddingBatch.of(new long[] {1}, new int[] {0},
                new float[][] {{1f, 2f, 3f}}));
        Expect.rejects(IllegalArgumentException.class,
                () -> FormatFixtures.export(lying, ExportFormat.FVECS, tmp.resolve("x")), "dimension 3", "declares 2");
        assertEquals(List.of(), listing(tmp));
    }

    @Test
    void nonFiniteValuesAreRejected() {
        EmbeddingSource nan = new SingleBatchSource(2, EmbeddingBatch.of(new long[] {5, 6}, new int[] {0, 0},
                new float[][] {{1f, 2f}, {Float.NaN, 0f}}));
        Expect.rejects(IllegalArgumentException.class,
                () -> FormatFixtures.export(nan, ExportFormat.NPY, tmp.resolve("x")), "item 6 holds NaN at index 0");
    }

    @Test
    void emptySourceIsRejected() {
        EmbeddingSource empty = new SingleBatchSource(2, null);
        Expect.rejects(IllegalArgumentException.class,
                () -> FormatFixtures.export(empty, ExportFormat.NPY, tmp.resolve("x")), "no embeddings");
        assertEquals(List.of(), listing(tmp));
    }

    @Test
    void optionsAreValidatedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExportOptions.builder().format(ExportFormat.LUCENE).out(tmp).maxConnections(0).build());
        assertTrue(e.getMessage().startsWith("maxConnections"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ExportOptions.builder().format(ExportFormat.LUCENE).out(tmp).beamWidth(5000).build());
        assertTrue(e.getMessage().startsWith("beamWidth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExportOptions.builder().out(tmp).build());
        assertTrue(e.getMessage().startsWith("format"), e.getMessage());
    }

    private static List<String> listing(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A source declaring one dimension that delivers one given batch (or none). */
    private record SingleBatchSource(int dimension, EmbeddingBatch batch) implements EmbeddingSource {
        @Override
        public long count() {
            return -1;
        }

        @Override
        public EmbeddingMetadata metadata() {
            return FormatFixtures.euclidean();
        }

        @Override
        public Iterator<EmbeddingBatch> batches() {
            return batch == null ? List.<EmbeddingBatch>of().iterator() : List.of(batch).iterator();
        }
    }
}
