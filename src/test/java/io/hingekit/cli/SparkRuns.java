package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@code hingekit spark ...} in the test JVM, and checks refusals: what the Spark job tests share. */
final class SparkRuns {

    private SparkRuns() {}

    /**
     * Runs a Spark job through the CLI.
     *
     * @param args the words after {@code spark}
     * @return the run
     */
    static CliRun spark(String... args) {
        List<String> all = new ArrayList<>(List.of("spark"));
        all.addAll(List.of(args));
        return CliRun.of(new Main(), all.toArray(String[]::new));
    }

    /**
     * Runs a Spark job that must be refused as bad input: exit 2, the message on standard error without a stack
     * trace, and neither {@code out} nor a staging sibling beside it afterwards.
     *
     * @param out the {@code --out} given to the job
     * @param message a part of the expected message
     * @param args the words after {@code spark}, without {@code --out}
     * @throws IOException when the output's folder cannot be listed
     */
    static void expectRefused(Path out, String message, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        CliRun run = spark(all.toArray(String[]::new));
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.errIsClean(), run.err());
        assertFalse(Files.exists(out), out + " must not exist");
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".staging-")));
        }
    }
}
