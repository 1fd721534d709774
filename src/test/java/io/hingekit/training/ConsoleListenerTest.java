package io.hingekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lines the console listener prints for a resume and an early stop, with 1-based epochs. */
class ConsoleListenerTest {

    @Test
    void printsAResumeAndAnEarlyStopWithOneBasedEpochs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleListener console = new ConsoleListener(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10);
        console.onResume(Path.of("models", "run", "checkpoints", "epoch-3"), 2, 150);
        console.onEarlyStop("map_at_r", 2, 4);
        assertEquals(String.format("resumed from %s (epoch 3, step 150)%n"
                        + "early stopping: no better validation map_at_r for 2 epochs (best: epoch 5)%n",
                Path.of("models", "run", "checkpoints", "epoch-3")), bytes.toString(StandardCharsets.UTF_8));
    }
}
