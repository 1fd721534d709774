package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.config.VectorDistance;
import io.hingekit.export.ClusteredVectors;
import io.hingekit.inference.EmbeddingRequest;
import io.hingekit.inference.EmbeddingSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aDirectoryThatIsNoModelIsNamed() {
        CliRun run = CliRun.of(new ExportCommand(), "--model", tmp.resolve("m").toString(), "--format", "npy",
                "--out", tmp.resolve("x").toString(), "--device", "cpu");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("is not a Hingekit model directory"), run.err());
        assertTrue(run.errIsClean(), run.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void exportsWhatTheFactoryDeliversAndEvaluates() {
        ClusteredVectors data = ClusteredVectors.generate(200, 8, 3, 0.3, true, 2L);
        AtomicReference<EmbeddingRequest> seen = new AtomicReference<>();
        EmbeddingSourceFactory factory = request -> {
            seen.set(request);
            return data.source(VectorDistance.COSINE, true, request.batchSize());
        };
        Path out = tmp.resolve("lucene");
        CliRun run = CliRun.of(new ExportCommand(factory), "--model", "runs/m1", "--format", "LUCENE", "--out",
                out.toString(), "--batch-size", "64", "--max-connections", "8", "--evaluate");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Exported 200 embeddings (dimension 8) as lucene"), run.out());
        assertTrue(run.out().contains("recall@10"), run.out());
        assertEquals(Path.of("runs/m1"), seen.get().modelDir());
        assertEquals("test", seen.get().split());
        assertEquals(64, seen.get().batchSize());
        assertNull(seen.get().device());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
    }

    @Test
    void evaluateNeedsLucene() {
        CliRun run = CliRun.of(new ExportCommand(request -> {
            throw new AssertionError("the source must not be opened");
        }), "--model", "m", "--format", "npy", "--out", tmp.resolve("x").toString(), "--evaluate");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--evaluate needs --format lucene"), run.err());
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun run = CliRun.of(new ExportCommand(), "--model", "m", "--format", "parquet", "--out", "x");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("parquet"), run.err());
    }
}
