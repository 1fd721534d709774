package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code learn-online} end to end: the model directory it writes is read by {@code score} (whose scores are the
 * checkpoint's weights applied by hand, so the DJL parameter layout is right) and {@code report}; its TensorBoard
 * files hold the progressive figures; bad records exit 2 naming the line.
 */
class LearnOnlineCommandTest {

    @TempDir
    Path tmp;

    @Test
    void scoreAndReportReadTheModelItWrites() throws IOException {
        Path stream = stream();
        Path model = tmp.resolve("model");
        CliRun learn = CliRun.of(new Main(), "learn-online", "--config", config().toString(), "--input",
                stream.toString(), "--out", model.toString(), "--logdir", tmp.resolve("runs/online").toString());
        assertEquals(0, learn.exitCode(), learn.err());

        Path scores = tmp.resolve("scores.csv");
        CliRun score = CliRun.of(new Main(), "score", "--model", model.toString(), "--input", stream.toString(),
                "--out", scores.toString(), "--device", "cpu");
        assertEquals(0, score.exitCode(), score.err());
        assertScoresAreTheCheckpointWeightsApplied(model, stream, scores);

        CliRun report = CliRun.of(new Main(), "report", "--model", model.toString(), "--split", "test", "--device",
                "cpu", "--json");
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("\"accuracy\""), report.out());

        CliRun inspect = CliRun.of(new Main(), "inspect", tmp.resolve("runs/online").toString(), "--json");
        assertEquals(0, inspect.exitCode(), inspect.err());
        for (String tag : List.of("online/accuracy", "online/hinge_loss", "online/violation_rate",
                "online_window/accuracy", "online_window/violation_rate", "online/examples_per_second")) {
            assertTrue(inspect.out().contains(tag), tag + " missing: " + inspect.out());
        }
    }

    @Test
    void aBadRecordExitsTwoNamingItsLine() throws IOException {
        Path stream = stream();
        Files.writeString(stream, Files.readString(stream).replaceFirst("c1\n", "shoe\n"));
        CliRun run = CliRun.of(new Main(), "learn-online", "--config", config().toString(), "--input",
                stream.toString(), "--out", tmp.resolve("model").toString(), "--no-tensorboard");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("line") && run.err().contains("unknown label 'shoe'"), run.err());
        assertTrue(run.errIsClean(), run.err());
    }

    @Test
    void anInputWithoutAKnownFormatIsAUsageError() throws IOException {
        Path stream = Files.writeString(tmp.resolve("stream.txt"), "");
        CliRun run = CliRun.of(new Main(), "learn-online", "--config", config().toString(), "--input",
                stream.toString(), "--out", tmp.resolve("model").toString(), "--no-tensorboard");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--format must be given"), run.err());
        CliRun kafka = CliRun.of(new Main(), "learn-online", "--config", config().toString(), "--input",
                "kafka://localhost/", "--out", tmp.resolve("model").toString(), "--no-tensorboard");
        assertEquals(Main.EXIT_BAD_INPUT, kafka.exitCode());
        assertTrue(kafka.err().contains("kafka://host:port"), kafka.err());
    }

    private static void assertScoresAreTheCheckpointWeightsApplied(Path model, Path stream, Path scores)
            throws IOException {
        JsonNode weights = new ObjectMapper().readTree(model.resolve("checkpoints/online.json").toFile())
                .get("weights");
        List<String> rows = Files.readAllLines(stream);
        List<String> scored = Files.readAllLines(scores);
        List<String> header = Arrays.asList(scored.get(0).split(","));
        assertEquals(rows.size(), scored.size());
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            String[] out = scored.get(i).split(",");
            for (int k = 0; k < 3; k++) {
                JsonNode w = weights.get(k);
                double expected = w.get(6).asDouble();
                for (int j = 0; j < 6; j++) {
                    expected += w.get(j).asDouble() * Double.parseDouble(cells[j]);
                }
                double got = Double.parseDouble(out[header.indexOf("score_" + k)]);
                assertEquals(expected, got, 1e-5, "row " + i + " score " + k);
            }
        }
        assertFalse(scored.isEmpty());
    }

    private Path config() throws IOException {
        return Files.writeString(tmp.resolve("online.yaml"), """
                name: online-cli
                data: {source: csv, csv: {train: %s, labelColumn: label}}
                model: {type: linear}
                loss: {type: multiclass-hinge, variant: crammer-singer}
                online: {algorithm: pegasos, lambda: 0.01, classes: [c0, c1, c2], features: 6, logEvery: 20}
                """.formatted(tmp.resolve("stream.csv")));
    }

    /** 90 rows of three classes around (1,0,..), (0,1,..), (0,0,1,..) with a deterministic spread. */
    private Path stream() throws IOException {
        StringBuilder csv = new StringBuilder("f0,f1,f2,f3,f4,f5,label\n");
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            for (int j = 0; j < 6; j++) {
                double v = (j == c ? 1.0 : 0.0) + ((i * 7 + j * 3) % 10 - 4.5) / 10;
                csv.append(v).append(',');
            }
            csv.append('c').append(c).append('\n');
        }
        return Files.writeString(tmp.resolve("stream.csv"), csv);
    }
}
