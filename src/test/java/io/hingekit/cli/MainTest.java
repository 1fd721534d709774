package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MainTest {

    @TempDir
    Path tmp;

    private String runCapturingErr(int expectedExit, String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, Main.run(args));
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void missingConfigExitsWithBadInputAndAMessage() {
        String err = runCapturingErr(Main.EXIT_BAD_INPUT, "train", "--config", tmp.resolve("nope.yaml").toString());
        assertTrue(err.contains("config file not found"), err);
        assertTrue(!err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void unknownConfigKeyIsNamed() throws Exception {
        Path config = Files.writeString(tmp.resolve("typo.yaml"),
                "data: {source: blobs}\nmodel: {type: mlp}\nloss: {type: multiclass-hinge, margn: 2}\n");
        String err = runCapturingErr(Main.EXIT_BAD_INPUT, "train", "--config", config.toString());
        assertTrue(err.contains("unknown key 'loss.margn'"), err);
    }

    @Test
    void badDeviceIsNamed() throws Exception {
        String err = runCapturingErr(Main.EXIT_BAD_INPUT, "train", "--config", "configs/quick.yaml",
                "--device", "tpu", "--out", tmp.resolve("m").toString());
        assertTrue(err.contains("--device must be auto, cpu, gpu or gpu:N"), err);
    }

    @Test
    void negativeMarginInConfigIsNamed() throws Exception {
        Path config = Files.writeString(tmp.resolve("neg.yaml"),
                "data: {source: blobs}\nmodel: {type: mlp}\nloss: {type: multiclass-hinge, margin: -1}\n");
        String err = runCapturingErr(Main.EXIT_BAD_INPUT, "train", "--config", config.toString(),
                "--out", tmp.resolve("m").toString(), "--device", "cpu");
        assertTrue(err.contains("margin"), err);
    }

    @Test
    void aSelectionFigureTheRunLacksIsNamedBeforeTraining() throws Exception {
        assertRefusedBeforeTraining("training: {selectBy: map_at_r}\n",
                "training.selectBy must be one of loss, accuracy");
    }

    @Test
    void aNonPositiveGradientBoundIsNamedBeforeTraining() throws Exception {
        assertRefusedBeforeTraining("optimizer: {type: sgd, clipGradNorm: 0}\n",
                "optimizer.clipGradNorm must be a positive number, got 0.0");
    }

    /** A blobs MLP config plus {@code extraYaml} must end with exit 2 naming {@code message}, writing nothing. */
    private void assertRefusedBeforeTraining(String extraYaml, String message) throws Exception {
        Path config = Files.writeString(tmp.resolve("refused.yaml"),
                "data: {source: blobs}\nmodel: {type: mlp}\nloss: {type: multiclass-hinge}\n" + extraYaml);
        String err = runCapturingErr(Main.EXIT_BAD_INPUT, "train", "--config", config.toString(),
                "--out", tmp.resolve("m").toString(), "--device", "cpu");
        assertTrue(err.contains(message), err);
        assertFalse(Files.exists(tmp.resolve("m")), "nothing is written for a config that cannot run");
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"train"}, "hingekit train: error: Missing required option: '--config=",
                        "hingekit help train"),
                Arguments.of(new String[] {"train", "--config", "configs/quick.yaml", "--bogus"},
                        "hingekit train: error: Unknown option: '--bogus'", "hingekit help train"),
                Arguments.of(new String[] {"train", "--config", "configs/quick.yaml", "--epochs", "two"},
                        "hingekit train: error: Invalid value for option '--epochs': 'two' is not an int",
                        "hingekit help train"),
                Arguments.of(new String[] {"search", "--index", "x", "-k", "3"},
                        "hingekit search: error: Missing required argument", "hingekit help search"),
                Arguments.of(new String[] {"frobnicate"},
                        "hingekit: error: Unmatched argument at index 0: 'frobnicate'",
                        "hingekit --help"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsUseHingekitsFormatAndExitTwo(String[] args, String message, String usage) {
        CliRun run = CliRun.of(new Main(), args);
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().startsWith(message), run.err());
        assertTrue(run.err().contains("usage: " + usage), run.err());
        assertTrue(run.errIsClean(), run.err());
        assertEquals("", run.out(), "no usage dump on a usage error");
    }

    @Test
    void helpPrintsTheUsageOfTheCommandNamed() {
        CliRun run = CliRun.of(new Main(), "help", "train");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: hingekit train "), run.out());
        assertTrue(run.out().contains("--overwrite"), run.out());
    }

    @Test
    void missingFashionMnistFilesAreBadInputNamingTheDirectory() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("no-data"));
        Path config = Files.writeString(tmp.resolve("fashion.yaml"),
                "data: {source: fashion-mnist, dir: " + empty + "}\nmodel: {type: mlp}\n"
                        + "loss: {type: multiclass-hinge}\n");
        CliRun run = CliRun.of(new Main(), "train", "--config", config.toString(), "--out", tmp.resolve("m").toString(),
                "--device", "cpu", "--no-tensorboard");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("hingekit train: error: Fashion-MNIST files not found in " + empty), run.err());
        assertTrue(run.errIsClean(), run.err());
    }
}
