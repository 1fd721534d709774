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
 * {@code a-file} is a file, {@code train.csv} a small valid CSV (2 features, classes 0 to 2), {@code wide.csv} one
 * with 3 features, {@code unseen.csv} one with class 3, and {@code one-class.csv} one with class 0 only.
 */
class TrainBadInputTest {

    private static final String BLOBS = "data: {source: blobs}\nmodel: {type: mlp}\nloss: {type: multiclass-hinge}\n";
    private static final String HINGE = "loss: {type: multiclass-hinge}\ntraining: {epochs: 1, batchSize: 8}\n";

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
                row("test CSV with another column count", csv("train.csv", "wide.csv") + "model: {type: mlp}\n" + HINGE,
                        "", "{tmp}/wide.csv has 3 feature columns but {tmp}/train.csv has 2: the files need the same "
                        + "columns"),
                row("a single class", csv("one-class.csv", null) + "model: {type: mlp}\n" + HINGE, "",
                        "the training data has only 1 class ('0'): a run needs at least 2 classes"),
                row("a class only in the test set", csv("train.csv", "unseen.csv") + "model: {type: mlp}\n" + HINGE,
                        "", "class '3' appears in the test data but not in the training data"),
                row("a CNN on tabular data", csv("train.csv", null) + "model: {type: cnn}\n" + HINGE, "",
                        "model.type cnn needs images (channels x height x width), but the samples of data.source "
                        + "csv have shape (2)"),
                row("missing Fashion-MNIST", "data: {source: fashion-mnist, dir: {tmp}/empty}\nmodel: {type: mlp}\n"
                        + "loss: {type: multiclass-hinge}\n", "", "Fashion-MNIST files not found in {tmp}/empty"));
    }

    private static String csv(String train, String test) {
        return "data: {source: csv, csv: {train: {tmp}/" + train + (test == null ? "" : ", test: {tmp}/" + test)
                + ", labelColumn: label}}\n";
    }

    /** Writes {@code rows} rows of {@code features} features with labels cycling through {@code classes}. */
    private void writeCsv(String name, int rows, int features, int classes, int firstClass) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < features; f++) {
            text.append("x").append(f).append(',');
        }
        text.append("label\n");
        for (int r = 0; r < rows; r++) {
            int label = firstClass + r % classes;
            for (int f = 0; f < features; f++) {
                text.append(label + 0.1 * ((r * 7 + f * 3) % 5)).append(',');
            }
            text.append(label).append('\n');
        }
        Files.writeString(tmp.resolve(name), text);
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
        writeCsv("train.csv", 60, 2, 3, 0);
        writeCsv("wide.csv", 12, 3, 3, 0);
        writeCsv("unseen.csv", 12, 2, 4, 0);
        writeCsv("one-class.csv", 30, 2, 1, 0);
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
