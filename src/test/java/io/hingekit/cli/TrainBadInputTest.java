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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code train}, one row each: exit code 2, a one-line message naming the problem, no stack trace, and
 * no model directory written. In the rows, {@code {tmp}} stands for the test's temporary directory, where
 * {@code a-file} is a file and {@code train.csv} a small valid CSV.
 */
class TrainBadInputTest {

    private static final String BLOBS = "data: {source: blobs}\nmodel: {type: mlp}\nloss: {type: multiclass-hinge}\n";

    @TempDir
    Path tmp;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                row("--out is a file", BLOBS, "--out {tmp}/a-file", "--out: {tmp}/a-file is a file, not a directory"),
                row("--out under a file", BLOBS, "--out {tmp}/a-file/model",
                        "--out: {tmp}/a-file/model lies under {tmp}/a-file, which is a file"),
                row("--logdir under a file", BLOBS, "--logdir {tmp}/a-file/run",
                        "--logdir: {tmp}/a-file/run lies under {tmp}/a-file, which is a file"),
                row("--resume with --overwrite", BLOBS, "--resume --overwrite",
                        "--resume and --overwrite cannot be combined"),
                row("--resume without a run", BLOBS, "--resume", "--resume: no checkpoint in {tmp}/m/checkpoints"),
                row("epochs 0", BLOBS + "training: {epochs: 0}\n", "",
                        "config {tmp}/run.yaml: training.epochs must be > 0, got 0"),
                row("missing Fashion-MNIST", "data: {source: fashion-mnist, dir: {tmp}/empty}\nmodel: {type: mlp}\n"
                        + "loss: {type: multiclass-hinge}\n", "", "Fashion-MNIST files not found in {tmp}/empty"));
    }

    private static Arguments row(String name, String yaml, String args, String message) {
        return Arguments.of(name, yaml, args, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithExitTwoNamingTheProblemAndWritesNothing(String name, String yaml, String args, String message)
            throws IOException {
        Files.writeString(tmp.resolve("a-file"), "not a directory");
        Files.createDirectories(tmp.resolve("empty"));
        Path config = Files.writeString(tmp.resolve("run.yaml"), yaml.replace("{tmp}", tmp.toString()));
        List<String> command = new ArrayList<>(List.of("train", "--config", config.toString(), "--device", "cpu",
                "--no-tensorboard"));
        if (!args.contains("--out")) {
            command.addAll(List.of("--out", tmp.resolve("m").toString()));
        }
        for (String arg : args.split(" ")) {
            if (!arg.isEmpty()) {
                command.add(arg.replace("{tmp}", tmp.toString()));
            }
        }
        CliRun run = CliRun.of(new Main(), command.toArray(String[]::new));
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        String expected = "hingekit train: error: " + message.replace("{tmp}", tmp.toString());
        assertTrue(run.err().startsWith(expected), "expected " + expected + "\ngot " + run.err());
        assertTrue(run.errIsClean(), run.err());
        assertFalse(Files.exists(tmp.resolve("m")), "no model directory is written");
        assertEquals("not a directory", Files.readString(tmp.resolve("a-file")));
    }
}
