package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
