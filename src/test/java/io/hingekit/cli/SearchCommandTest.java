package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

    @TempDir
    static Path tmp;

    static ClusteredVectors data;
    static Path index;

    @BeforeAll
    static void export() throws IOException {
        data = ClusteredVectors.generate(200, 8, 3, 0.3, false, 9L);
        index = tmp.resolve("index");
        EmbeddingMetadata metadata = new EmbeddingMetadata(null, null, Map.of(), "clustered", VectorDistance.EUCLIDEAN,
                false, List.of("zero", "one", "two"));
        InMemoryEmbeddingSource source = InMemoryEmbeddingSource.builder()
                .vectors(data.vectors(), 8).labels(data.labels()).metadata(metadata).build();
        new ExportService().export(source, ExportOptions.builder().format(ExportFormat.LUCENE).out(index).build());
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
