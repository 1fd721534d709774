package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.Expect;
import io.hingekit.cli.InspectCommand;
import io.hingekit.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunInspectorTest {

    @TempDir
    Path dir;

    private Path run;
    private Path secondFile;

    @BeforeEach
    void writeTwoFilesLikeAResumedRun() throws IOException {
        run = dir.resolve("run");
        try (SummaryWriter w = SummaryWriter.open(run)) {
            for (int step = 0; step < 5; step++) {
                w.scalar("train/loss", 1.0 / (step + 1), step);
            }
            w.histogram("validation/margin", new float[] {-1f, 0.5f, 0.5f, 2f, Float.NaN}, 4);
        }
        try (SummaryWriter w = SummaryWriter.open(run)) {
            w.sessionStart(3);
            w.scalar("train/loss", 0.125, 3);
            w.text("notes", "resumed from checkpoint 3", 3);
            w.prCurve("pr_curve/cat", new boolean[] {true, false, true}, new float[] {0.9f, 0.4f, 0.6f}, 3);
            w.image("sample", Pngs.rgb(4, 2), 3);
            w.hparams(Map.of("lr", 0.1, "loss", "hinge"), Map.of("test/accuracy", 0.9));
            secondFile = w.file();
        }
    }

    @Test
    void summarisesTagsCountsAndLastValuesOverAllFiles() throws IOException {
        RunSummary summary = new RunInspector().inspect(run);
        assertEquals(2, summary.files().size());
        assertEquals(List.of(3L), summary.sessionStarts());
        assertEquals(Map.of("lr", 0.1, "loss", "hinge"), summary.hyperparameters());
        assertTrue(summary.problems().isEmpty());
        TagSummary loss = tag(summary, "train/loss");
        assertEquals("scalars", loss.plugin());
        assertEquals(6, loss.count());
        assertEquals(0, loss.firstStep());
        assertEquals(3, loss.lastStep());
        assertEquals(0.125, loss.lastValue());
        TagSummary margin = tag(summary, "validation/margin");
        assertEquals(4, margin.lastHistogram().count());
        assertEquals(-1, margin.lastHistogram().min());
        assertEquals(0.5, margin.lastHistogram().mean());
        assertEquals(4, margin.lastHistogram().bins().stream().mapToDouble(HistogramSketch.Bin::count).sum());
        assertEquals(1.0, tag(summary, "validation/margin/nonfinite_count").lastValue());
        assertEquals("resumed from checkpoint 3", tag(summary, "notes").lastDetail());
        assertEquals("127 thresholds; at 0.50: precision 1.0000, recall 1.0000",
                tag(summary, "pr_curve/cat").lastDetail());
        assertTrue(tag(summary, "sample").lastDetail().startsWith("image 4x2"));
        assertEquals(0.9, tag(summary, "test/accuracy").lastValue(), 1e-7);
        assertTrue(summary.tags().stream().noneMatch(t -> t.tag().startsWith("_hparams_")));
    }

    @Test
    void damagedRecordsAreReportedWithFileAndOffset() throws IOException {
        byte[] bytes = Files.readAllBytes(secondFile);
        Files.write(secondFile, Arrays.copyOf(bytes, bytes.length - 3));
        RunSummary summary = new RunInspector().inspect(run);
        assertEquals(1, summary.problems().size());
        String problem = summary.problems().get(0);
        assertTrue(problem.startsWith(secondFile.getFileName() + ": truncated last record at byte offset "), problem);

        Files.write(secondFile, corruptFirstScalar(bytes));
        String corrupt = new RunInspector().inspect(run).problems().get(0);
        assertTrue(corrupt.contains("corrupt record at byte offset "), corrupt);
    }

    @Test
    void rejectsMissingAndForeignDirectories() throws IOException {
        RunInspector inspector = new RunInspector();
        Expect.rejects(IllegalArgumentException.class, () -> inspector.inspect(dir.resolve("nope")), "not a directory");
        Files.writeString(Files.createDirectory(dir.resolve("foreign")).resolve("notes.txt"), "not an event file");
        Expect.rejects(IllegalArgumentException.class,
                () -> inspector.inspect(dir.resolve("foreign")), "not a TensorBoard run directory");
    }

    @Test
    void commandPrintsTextAndJsonAndFailsClearly() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, command(out, err).execute(run.toString()));
        String text = out.toString();
        assertTrue(text.contains("train/loss") && text.contains("0.125000"), text);
        assertTrue(text.contains("#"), "histogram bars");

        StringWriter json = new StringWriter();
        assertEquals(0, command(json, err).execute(run.toString(), "--json"));
        JsonNode root = new ObjectMapper().readTree(json.toString());
        assertEquals(2, root.get("files").size());
        assertTrue(root.get("tags").findValues("tag").stream().anyMatch(n -> n.asText().equals("notes")));

        StringWriter missingErr = new StringWriter();
        assertEquals(Main.EXIT_BAD_INPUT,
                command(new StringWriter(), missingErr).execute(dir.resolve("nope").toString()));
        assertTrue(missingErr.toString().startsWith("inspect: error: not a directory"), missingErr.toString());
    }

    @Test
    void commandExitsWithTheDamagedCodeForACorruptOrTruncatedFileAndStillPrintsTheSummary() throws IOException {
        byte[] bytes = Files.readAllBytes(secondFile);
        for (byte[] damaged : List.of(Arrays.copyOf(bytes, bytes.length - 3), corruptFirstScalar(bytes))) {
            Files.write(secondFile, damaged);
            for (String[] args : List.of(new String[] {run.toString()}, new String[] {run.toString(), "--json"})) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                assertEquals(Main.EXIT_DAMAGED, command(out, err).execute(args), err.toString());
                assertTrue(out.toString().contains("train/loss"), "the summary is printed: " + out);
                assertTrue(err.toString().startsWith("inspect: error: " + run + " has 1 corrupt or truncated record"),
                        err.toString());
                assertTrue(err.toString().contains(secondFile.getFileName().toString()), err.toString());
            }
        }
    }

    private static CommandLine command(StringWriter out, StringWriter err) {
        CommandLine line = Main.commandLine(new InspectCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line;
    }

    private static TagSummary tag(RunSummary summary, String tag) {
        return summary.tags().stream().filter(t -> t.tag().equals(tag)).findFirst().orElseThrow(
                () -> new AssertionError("no tag " + tag));
    }

    /** Flips a byte inside the third record (after the file version and the session log). */
    private static byte[] corruptFirstScalar(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        for (int i = 0; i < 2; i++) {
            at += (int) RecordWriter.framedLength(buffer.getLong(at));
        }
        byte[] copy = bytes.clone();
        copy[at + RecordWriter.HEADER_BYTES] ^= 0x10;
        return copy;
    }
}
