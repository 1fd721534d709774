package io.hingekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @TempDir
    Path modelDir;

    private static LoopState state(int epoch) {
        return new LoopState(epoch, epoch * 10L, 0.5, epoch, 0, List.of());
    }

    @Test
    void latestNamesTheNewestCompleteCheckpointAndOldOnesArePruned() throws Exception {
        Checkpoints checkpoints = new Checkpoints(modelDir);
        for (int epoch = 0; epoch < 4; epoch++) {
            int e = epoch;
            checkpoints.save(state(epoch), dir -> Files.writeString(dir.resolve(Checkpoints.PARAMETERS), "p" + e));
        }
        Path latest = checkpoints.latest().orElseThrow();
        assertEquals("epoch-0003", latest.getFileName().toString());
        assertEquals("p3", Files.readString(latest.resolve(Checkpoints.PARAMETERS)));
        assertEquals(30, Checkpoints.readState(latest).globalStep());
        try (Stream<Path> entries = Files.list(modelDir.resolve("checkpoints"))) {
            assertEquals(List.of("LATEST", "epoch-0002", "epoch-0003"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousCheckpointLatestAndNoTemporaryFiles() throws Exception {
        Checkpoints checkpoints = new Checkpoints(modelDir);
        checkpoints.save(state(0), dir -> Files.writeString(dir.resolve(Checkpoints.PARAMETERS), "good"));
        assertThrows(IOException.class, () -> checkpoints.save(state(1), dir -> {
            Files.writeString(dir.resolve(Checkpoints.PARAMETERS), "half");
            throw new IOException("disk full");
        }));
        Path latest = checkpoints.latest().orElseThrow();
        assertEquals("epoch-0000", latest.getFileName().toString());
        assertEquals("good", Files.readString(latest.resolve(Checkpoints.PARAMETERS)));
        try (Stream<Path> entries = Files.list(modelDir.resolve("checkpoints"))) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".tmp")));
        }
    }

    @Test
    void noCheckpointYetIsEmpty() throws Exception {
        assertTrue(new Checkpoints(modelDir).latest().isEmpty());
    }
}
