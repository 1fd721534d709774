package io.hingekit.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole jobs on the reference stream of {@link OnlineLearnerTest}: the weights they save match the NumPy rules,
 * CSV and JSON lines agree, and a job killed part-way and restarted ends with the weights of an uninterrupted one.
 */
class OnlineLearningTest {

    static final String CONFIG = """
            name: online-test
            data: {source: csv, csv: {train: %s, labelColumn: label}}
            model: {type: linear}
            loss: {type: multiclass-hinge, variant: crammer-singer}
            online: {algorithm: pa-i, aggressiveness: 0.1, classes: [c0, c1, c2], features: 6, checkpointEvery: 10,
                     logEvery: 5, window: 8}
            """;

    @TempDir
    Path tmp;

    @Test
    void aJobSavesTheWeightsOfThePapersRulesAndAModelDirectory() throws IOException {
        Path dir = tmp.resolve("model");
        OnlineListener.Progress end = run(jsonl(), dir, List.of());
        double[][] saved = OnlineCheckpoint.read(OnlineCheckpoint.file(dir)).weights();
        for (int r = 0; r < saved.length; r++) {
            assertArrayEquals(OnlineLearnerTest.MULTI_PA_I[r], saved[r], 1e-6, "row " + r);
        }
        assertEquals(OnlineLearnerTest.N, end.figures().examples());
        ModelDirectory model = new ModelDirectory(dir).requireTrained();
        assertEquals(List.of("c0", "c1", "c2"), model.readInfo().classNames());
        assertEquals(3, model.readInfo().outputs());
    }

    @Test
    void csvAndJsonLinesOfTheSameStreamGiveTheSameModel() throws IOException {
        run(jsonl(), tmp.resolve("a"), List.of());
        run(csv(), tmp.resolve("b"), List.of());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/model.params")),
                Files.readAllBytes(tmp.resolve("b/model.params")));
        assertArrayEquals(OnlineCheckpoint.read(OnlineCheckpoint.file(tmp.resolve("a"))).weights(),
                OnlineCheckpoint.read(OnlineCheckpoint.file(tmp.resolve("b"))).weights());
    }

    @Test
    void aJobKilledPartWayAndRestartedLearnsEachExampleOnce() throws IOException {
        run(jsonl(), tmp.resolve("whole"), List.of());
        Path dir = tmp.resolve("killed");
        OnlineListener crash = new OnlineListener() {
            @Override
            public void onProgress(Progress progress) {
                if (progress.learnt() == 25) {
                    throw new IllegalStateException("killed");  // after example 25, last checkpoint at 20
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> run(jsonl(), dir, List.of(crash)));
        OnlineCheckpoint afterKill = OnlineCheckpoint.read(OnlineCheckpoint.file(dir));
        assertEquals(20, afterKill.steps());
        assertEquals(Map.of(0, 21L), afterKill.offsets(), "line 21 holds the 20th example (line 1 is not data)");
        OnlineListener.Progress end = run(jsonl(), dir, List.of());
        assertEquals(20, end.skipped());
        assertEquals(40, end.learnt());
        OnlineCheckpoint whole = OnlineCheckpoint.read(OnlineCheckpoint.file(tmp.resolve("whole")));
        OnlineCheckpoint restarted = OnlineCheckpoint.read(OnlineCheckpoint.file(dir));
        assertArrayEquals(whole.weights(), restarted.weights());
        assertEquals(whole.totals(), restarted.totals());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("whole/model.params")),
                Files.readAllBytes(dir.resolve("model.params")));
    }

    @Test
    void standardInputCarriesJsonLines() throws IOException {
        run(jsonl(), tmp.resolve("file"), List.of());
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(Files.newInputStream(jsonl()));
            Path config = Files.writeString(tmp.resolve("online.yaml"), config());
            new OnlineLearning().run(new OnlineRequest(config, RecordSources.STDIN, null, tmp.resolve("stdin"), null,
                    false, 0, false), List.of());
        } finally {
            System.setIn(stdin);
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("file/model.params")),
                Files.readAllBytes(tmp.resolve("stdin/model.params")));
    }

    @Test
    void maxExamplesStopsWithACheckpointAndTheNextRunContinues() throws IOException {
        Path config = Files.writeString(tmp.resolve("online.yaml"), config());
        Path dir = tmp.resolve("model");
        OnlineListener.Progress first = new OnlineLearning().run(new OnlineRequest(config, jsonl().toString(), null,
                dir, null, false, 13, false), List.of());
        assertEquals(13, first.learnt());
        assertEquals(13, OnlineCheckpoint.read(OnlineCheckpoint.file(dir)).steps(), "a final checkpoint at 13");
        run(jsonl(), dir, List.of());
        run(jsonl(), tmp.resolve("whole"), List.of());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("whole/model.params")),
                Files.readAllBytes(dir.resolve("model.params")));
    }

    @Test
    void aSecondRunOverALearntStreamLearnsNothing() throws IOException {
        Path dir = tmp.resolve("model");
        run(jsonl(), dir, List.of());
        OnlineListener.Progress again = run(jsonl(), dir, List.of());
        assertEquals(0, again.learnt());
        assertEquals(OnlineLearnerTest.N, again.skipped());
    }

    @Test
    void aRestartThatChangesTheLearningIsRefused() throws IOException {
        Path dir = tmp.resolve("model");
        run(jsonl(), dir, List.of());
        Path changed = tmp.resolve("changed.yaml");
        Files.writeString(changed, config().replace("aggressiveness: 0.1", "aggressiveness: 0.2"));
        Expect.rejects(IllegalArgumentException.class, () -> new OnlineLearning().run(
                new OnlineRequest(changed, jsonl().toString(), null, dir, null, false, 0, false), List.of()),
                "online.aggressiveness (0.1 -> 0.2)", "--overwrite");
    }

    @Test
    void badRecordsAreNamedByLine() throws IOException {
        assertBad("{\"features\": [1, 2, 3, 4, 5, 6], \"label\": 0}\n{\"features\": [1, 2\n", "stream.jsonl line 2: not JSON");
        assertBad("{\"features\": [1, 2, 3], \"label\": 0}\n", "stream.jsonl line 1: 3 features, the stream has 6");
        assertBad("\n{\"features\": [1, 2, 3, 4, 5, 6], \"label\": \"c9\"}\n",
                "stream.jsonl line 2: unknown label 'c9' (the classes: c0, c1, c2; or an index 0-2)");
        assertBad("{\"features\": [1, 2, 3, 4, 5, 6]}\n", "stream.jsonl line 1: no label ('label')");
        assertBad("{\"features\": [1, \"x\", 3, 4, 5, 6], \"label\": 1}\n",
                "stream.jsonl line 1: feature 1 is not a finite number");
        assertBad("[1, 2]\n", "stream.jsonl line 1: not a JSON object");
    }

    @Test
    void aCsvWithOtherColumnsIsRefusedAtItsHeader() throws IOException {
        Path file = tmp.resolve("narrow.csv");
        Files.writeString(file, "f0,f1,label\n1,2,c0\n");
        Expect.rejects(IllegalArgumentException.class, () -> run(file, tmp.resolve("m"), List.of()),
                "narrow.csv has 2 feature columns, the stream has 6 features");
    }

    private void assertBad(String content, String message) throws IOException {
        Path file = tmp.resolve("stream.jsonl");
        Files.writeString(file, content);
        Path dir = tmp.resolve("bad-" + Math.abs(content.hashCode()));
        Expect.rejects(IllegalArgumentException.class, () -> run(file, dir, List.of()), message);
        assertFalse(Files.exists(dir.resolve("model.params")), "nothing learnt, nothing written");
    }

    private OnlineListener.Progress run(Path input, Path out, List<OnlineListener> listeners) throws IOException {
        Path config = tmp.resolve("online.yaml");
        Files.writeString(config, config());
        return new OnlineLearning().run(new OnlineRequest(config, input.toString(), null, out, null, false, 0, false),
                listeners);
    }

    private String config() {
        return CONFIG.formatted(tmp.resolve("stream.csv"));
    }

    /** The reference stream as JSON lines, labels as class indices. */
    private Path jsonl() throws IOException {
        OnlineLearnerTest.Stream s = OnlineLearnerTest.stream(3);
        List<String> lines = new ArrayList<>();
        lines.add("");  // a blank first line: offsets are line numbers, as in the CSV with its header
        for (int i = 0; i < s.x().length; i++) {
            lines.add("{\"features\": " + java.util.Arrays.toString(s.x()[i]) + ", \"label\": " + s.labels()[i] + "}");
        }
        Path file = tmp.resolve("stream.jsonl");
        Files.write(file, lines);
        return file;
    }

    /** The reference stream as CSV, labels as class names. */
    static Path writeCsv(Path file) throws IOException {
        OnlineLearnerTest.Stream s = OnlineLearnerTest.stream(3);
        StringBuilder csv = new StringBuilder("f0,f1,f2,f3,f4,f5,label\n");
        for (int i = 0; i < s.x().length; i++) {
            for (float v : s.x()[i]) {
                csv.append(v).append(',');
            }
            csv.append('c').append(s.labels()[i]).append('\n');
        }
        Files.writeString(file, csv);
        return file;
    }

    private Path csv() throws IOException {
        return writeCsv(tmp.resolve("stream.csv"));
    }
}
