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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluateRetrievalCommandTest {

    @TempDir
    Path tmp;

    @Test
    void reportsRecallPrecisionAndLatency() throws Exception {
        ClusteredVectors data = ClusteredVectors.generate(300, 8, 3, 0.3, true, 4L);
        Path index = tmp.resolve("index");
        new ExportService().export(data.source(VectorDistance.COSINE, true, 100),
                ExportOptions.builder().format(ExportFormat.LUCENE).out(index).build());

        CliRun json = CliRun.of(new EvaluateRetrievalCommand(), "--index", index.toString(), "-k", "5",
                "--queries", "40", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(5, report.get("k").asInt());
        assertEquals(40, report.get("queries").asInt());
        assertEquals(300, report.get("count").asInt());
        double recall = report.get("recallAtK").asDouble();
        assertTrue(recall > 0 && recall <= 1, json.out());
        assertTrue(report.get("p99LatencyMillis").asDouble() >= report.get("medianLatencyMillis").asDouble());

        CliRun text = CliRun.of(new EvaluateRetrievalCommand(), "--index", index.toString(), "--queries", "20");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("recall@10") && text.out().contains("p99"), text.out());
    }

    @ParameterizedTest
    @CsvSource({"-k, 0", "-k, -1", "--queries, 0", "--candidates, 0", "--candidates, -5"})
    void nonPositiveCountsAreRefusedNamingTheOption(String option, String value) {
        CliRun run = CliRun.of(new EvaluateRetrievalCommand(), "--index", tmp.resolve("nothing").toString(), option,
                value);
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().startsWith("evaluate-retrieval: error: " + option + " must be >= 1, got " + value),
                run.err());
        assertTrue(run.errIsClean(), run.err());
    }

    @Test
    void missingIndexFailsWithAMessage() {
        CliRun run = CliRun.of(new EvaluateRetrievalCommand(), "--index", tmp.resolve("nothing").toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("is not a directory"), run.err());
        assertTrue(run.errIsClean(), run.err());
    }
}
