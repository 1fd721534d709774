package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.config.VectorDistance;
import io.hingekit.export.ClusteredVectors;
import io.hingekit.export.ExportFormat;
import io.hingekit.export.ExportOptions;
import io.hingekit.export.ExportService;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.InMemoryEmbeddingSource;
import io.hingekit.search.LuceneIndexSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchCommandTest {

    @TempDir
    static Path tmp;

    static ClusteredVectors data;
    static Path index;
    static Path cosineIndex;

    @BeforeAll
    static void export() throws IOException {
        data = ClusteredVectors.generate(200, 8, 3, 0.3, false, 9L);
        index = tmp.resolve("index");
        EmbeddingMetadata metadata = new EmbeddingMetadata(null, null, Map.of(), "clustered", VectorDistance.EUCLIDEAN,
                false, List.of("zero", "one", "two"));
        InMemoryEmbeddingSource source = InMemoryEmbeddingSource.builder()
                .vectors(data.vectors(), 8).labels(data.labels()).metadata(metadata).build();
        new ExportService().export(source, ExportOptions.builder().format(ExportFormat.LUCENE).out(index).build());

        ClusteredVectors unit = ClusteredVectors.generate(50, 8, 3, 0.3, true, 5L);
        cosineIndex = tmp.resolve("cosine-index");
        EmbeddingMetadata cosine = new EmbeddingMetadata(null, null, Map.of(), "clustered", VectorDistance.COSINE,
                true, List.of("zero", "one", "two"));
        new ExportService().export(InMemoryEmbeddingSource.builder().vectors(unit.vectors(), 8).labels(unit.labels())
                .metadata(cosine).build(),
                ExportOptions.builder().format(ExportFormat.LUCENE).out(cosineIndex).build());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("index", "--id 5 -k 0", "-k must be >= 1, got 0"),
                Arguments.of("index", "--id 5 -k -1", "-k must be >= 1, got -1"),
                Arguments.of("index", "--vector {tmp}/ones.txt -k -1", "-k must be >= 1, got -1"),
                Arguments.of("index", "--id 5 --candidates 0", "--candidates must be >= 1, got 0"),
                Arguments.of("index", "--id 5 --candidates -5", "--candidates must be >= 1, got -5"),
                Arguments.of("cosine-index", "--vector {tmp}/zeros.txt",
                        "the query vector is all zeros: it has no direction, so its cosine distance"),
                Arguments.of("index", "--vector {tmp}/absent.txt", "vector: {tmp}/absent.txt is not a file"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithExitTwoNamingTheProblem(String indexName, String args, String message)
            throws IOException {
        Files.writeString(tmp.resolve("zeros.txt"), "0 0 0 0 0 0 0 0");
        Files.writeString(tmp.resolve("ones.txt"), "1 1 1 1 1 1 1 1");
        List<String> command = new ArrayList<>(List.of("--index", tmp.resolve(indexName).toString()));
        command.addAll(List.of(args.replace("{tmp}", tmp.toString()).split(" ")));
        CliRun run = CliRun.of(new SearchCommand(), command.toArray(String[]::new));
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        String expected = "search: error: " + message.replace("{tmp}", tmp.toString());
        assertTrue(run.err().startsWith(expected), "expected " + expected + "\ngot " + run.err());
        assertTrue(run.errIsClean(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void theSearcherRefusesANonPositiveKBeforeAnythingElse() throws IOException {
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(index)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> searcher.searchByVector(new float[8], -1, 10));
            assertEquals("k must be >= 1, got -1", e.getMessage());
        }
    }

    @Test
    void vectorFileFindsTheItemItHolds() throws IOException {
        String text = IntStream.range(0, 8).mapToObj(j -> Float.toString(data.row(17)[j]))
                .collect(Collectors.joining(", "));
        Path file = Files.writeString(tmp.resolve("q17.txt"), text);
        CliRun run = CliRun.of(new SearchCommand(), "--index", index.toString(), "--vector", file.toString(),
                "-k", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals(4, result.get("hits").size());
        JsonNode top = result.get("hits").get(0);
        assertEquals(17, top.get("id").asLong());
        assertEquals(1, top.get("rank").asInt());
        assertEquals(0.0, top.get("distance").asDouble());
        assertEquals(List.of("zero", "one", "two").get(data.labels()[17]), top.get("labelName").asText());
    }

    @Test
    void idSearchPrintsATableWithoutTheItem() {
        CliRun run = CliRun.of(new SearchCommand(), "--index", index.toString(), "--id", "5", "-k", "3");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("rank"), lines.get(0));
        assertTrue(lines.stream().skip(1).noneMatch(l -> l.split("\\s+")[1].equals("5")), run.out());
    }

    @Test
    void foreignDirectoryFailsWithAMessage() throws IOException {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        CliRun run = CliRun.of(new SearchCommand(), "--index", foreign.toString(), "--id", "1");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().startsWith("search: ") && run.err().contains("manifest.json is missing"),
                run.err());
        assertTrue(run.errIsClean(), run.err());
    }

    @Test
    void wrongDimensionFailsWithBothDimensions() throws IOException {
        Path file = Files.writeString(tmp.resolve("short.txt"), "1 2 3");
        CliRun run = CliRun.of(new SearchCommand(), "--index", index.toString(), "--vector", file.toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("dimension 3") && run.err().contains("dimension 8"), run.err());
        assertTrue(run.errIsClean(), run.err());
    }

    @Test
    void exactlyOneQueryIsRequired() {
        assertEquals(2, CliRun.of(new SearchCommand(), "--index", index.toString()).exitCode());
        assertEquals(2, CliRun.of(new SearchCommand(), "--index", index.toString(), "--id", "1", "--vector", "x")
                .exitCode());
    }
}
