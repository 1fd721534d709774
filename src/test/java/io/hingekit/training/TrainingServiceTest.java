package io.hingekit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.Expect;
import io.hingekit.files.DirectoryLock;
import io.hingekit.inference.ModelEmbeddingSource;
import io.hingekit.model.ModelDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short end-to-end training runs on synthetic blobs. */
class TrainingServiceTest {

    private static final Path QUICK = Path.of("configs/quick.yaml");
    private static final Path RESUME = Path.of("src/test/resources/configs/resume.yaml");
    private static final Path EMBEDDING = Path.of("src/test/resources/configs/embedding.yaml");
    private static final Path CONTRASTIVE = Path.of("src/test/resources/configs/embedding-contrastive.yaml");
    private static final Path BINARY = Path.of("src/test/resources/configs/binary.yaml");
    private static final Path DIVERGE = Path.of("src/test/resources/configs/diverge.yaml");
    private static final Path EARLY_STOP = Path.of("src/test/resources/configs/early-stop.yaml");

    @TempDir
    Path tmp;

    private static TrainRequest request(Path config, Path out, boolean resume) {
        return TrainRequest.builder().config(config).device("cpu").out(out).resume(resume).build();
    }

    /** A listener that appends every finished epoch to {@code epochs}. */
    private static RunListener recorder(List<EpochReport> epochs) {
        return new RunListener() {
            @Override
            public void onEpochEnd(EpochReport epoch) {
                epochs.add(epoch);
            }
        };
    }

    private static TrainingService quiet() {
        return new TrainingService(new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void quickRunLowersTheLossAndBeatsChanceByAWideMargin() throws Exception {
        List<EpochReport> epochs = new ArrayList<>();
        RunListener recorder = recorder(epochs);
        Path out = tmp.resolve("quick");
        RunReport report = quiet().train(request(QUICK, out, false), List.of(recorder));
        assertEquals(4, epochs.size());
        assertTrue(epochs.get(3).validation().meanLoss() < epochs.get(0).validation().meanLoss() * 0.8,
                "validation loss did not fall: " + epochs.get(0).validation().meanLoss() + " -> "
                        + epochs.get(3).validation().meanLoss());
        assertTrue(report.finalMetrics().get("test/accuracy") > 0.8, "3 classes: chance is 0.33");
        for (String file : List.of("config.yaml", "metrics.json", "model.params", "checkpoints/LATEST")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(4, metrics.get("epochs").size());
        assertEquals(report.finalMetrics().get("test/accuracy"), metrics.get("final").get("test/accuracy").asDouble());
    }

    @Test
    void aRunKilledWithSigkillAndResumedEndsAsAnUninterruptedRun() throws Exception {
        Path whole = tmp.resolve("whole");
        RunReport uninterrupted = quiet().train(request(RESUME, whole, false), List.of());

        Path killed = tmp.resolve("killed");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.hingekit.cli.Main", "train",
                "--config", RESUME.toString(), "--out", killed.toString(), "--device", "cpu")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        Path latest = killed.resolve("checkpoints").resolve(Checkpoints.LATEST);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(latest) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(process.isAlive(), "the run ended before it could be killed: " + Files.readString(
                tmp.resolve("killed.log")));
        process.destroyForcibly().waitFor();
        int epochReached = Checkpoints.readState(new Checkpoints(killed).latest().orElseThrow()).epoch();
        assertTrue(epochReached < 4, "killed after the last epoch");
        for (String file : List.of("config.yaml", "model-info.json", "model.params", "metrics.json")) {
            assertFalse(Files.exists(killed.resolve(file)), file + " is written only when the run completes");
        }

        Path checkpoint = new Checkpoints(killed).latest().orElseThrow();
        List<String> resumes = new ArrayList<>();
        RunListener resumeRecorder = new RunListener() {
            @Override
            public void onResume(Path from, int epoch, long step) {
                resumes.add(from + " " + epoch);
            }
        };
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunReport resumed = new TrainingService(new PrintStream(console, true, StandardCharsets.UTF_8))
                .train(request(RESUME, killed, true), List.of(resumeRecorder));
        assertEquals(List.of(checkpoint + " " + epochReached), resumes);
        assertTrue(console.toString(StandardCharsets.UTF_8).startsWith(
                "resumed from " + checkpoint + " (epoch " + (epochReached + 1) + ", step "), console.toString());
        for (String metric : List.of("test/loss", "test/accuracy", "validation/loss", "best_epoch")) {
            assertEquals(uninterrupted.finalMetrics().get(metric), resumed.finalMetrics().get(metric), 1e-5, metric);
        }
    }

    @Test
    void anEmbeddingRunLowersTheTripletLossAndRetrievesFarAboveChance() throws Exception {
        List<EpochReport> epochs = new ArrayList<>();
        RunListener recorder = recorder(epochs);
        Path out = tmp.resolve("embedding");
        RunReport report = quiet().train(request(EMBEDDING, out, false), List.of(recorder));
        double first = epochs.get(0).scalars().get("train/loss");
        double last = epochs.get(epochs.size() - 1).scalars().get("train/loss");
        assertTrue(last < first, "train triplet loss " + first + " -> " + last);
        assertTrue(report.finalMetrics().get("test/precision_at_1") > 0.6, "5 classes: chance is 0.2");
        assertEquals(0.0, report.finalMetrics().get("test/skipped_queries"));
        assertTrue(epochs.get(0).train() == null, "embedding runs have no margin report");
        String map = "validation/map_at_r";
        int best = 0;
        for (int e = 1; e < epochs.size(); e++) {
            if (epochs.get(e).scalars().get(map) > epochs.get(best).scalars().get(map)) {
                best = e;
            }
        }
        assertEquals(best + 1, report.finalMetrics().get("best_epoch"), "embedding runs keep the best " + map);
        assertEquals(epochs.get(best).scalars().get(map), report.finalMetrics().get(map), 1e-6);

        try (var source = ModelEmbeddingSource.open(
                new io.hingekit.inference.EmbeddingRequest(out, null, "test", 64, "cpu"))) {
            assertEquals(8, source.dimension());
            assertEquals(250, source.count());
            var batch = source.batches().next();
            assertEquals(64, batch.ids().length);
        }
    }

    @Test
    void aContrastiveRunPullsPositivesInsideNegativesAndRetrievesFarAboveChance() throws Exception {
        List<EpochReport> epochs = new ArrayList<>();
        RunListener recorder = recorder(epochs);
        RunReport report = quiet().train(request(CONTRASTIVE, tmp.resolve("contrastive"), false), List.of(recorder));
        double first = epochs.get(0).scalars().get("train/loss");
        double last = epochs.get(epochs.size() - 1).scalars().get("train/loss");
        assertTrue(last < first, "train contrastive loss " + first + " -> " + last);
        assertTrue(report.finalMetrics().get("test/precision_at_1") > 0.6, "5 classes: chance is 0.2");
        EpochReport end = epochs.get(epochs.size() - 1);
        double positive = mean(end.distributions().get("validation/positive_distance"));
        double negative = mean(end.distributions().get("validation/negative_distance"));
        assertTrue(positive < negative, "mean d(a,p) " + positive + " vs d(a,n) " + negative);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Test
    void aBinaryHingeRunSeparatesTwoBlobs() throws Exception {
        RunReport report = quiet().train(request(BINARY, tmp.resolve("binary"), false), List.of());
        assertTrue(report.finalMetrics().get("test/accuracy") > 0.9, "two well separated blobs");
        assertEquals(2, report.validationScores()[0].length, "binary scores become one column per class");
        assertEquals(100, report.validationLabels().length);
    }

    @Test
    void earlyStoppingGoesToTheListenersAndTheConsoleNotToSystemOut() throws Exception {
        List<String> stops = new ArrayList<>();
        RunListener recorder = new RunListener() {
            @Override
            public void onEarlyStop(String criterion, int patience, int bestEpoch) {
                stops.add(criterion + " " + patience + " " + bestEpoch);
            }
        };
        List<EpochReport> epochs = new ArrayList<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(direct, true, StandardCharsets.UTF_8));
        try {
            new TrainingService(new PrintStream(console, true, StandardCharsets.UTF_8))
                    .train(request(EARLY_STOP, tmp.resolve("early"), false), List.of(recorder(epochs), recorder));
        } finally {
            System.setOut(stdout);
        }
        assertEquals(2, epochs.size());
        assertEquals(List.of("loss 1 0"), stops);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(
                "early stopping: no better validation loss for 1 epochs (best: epoch 1)"), console.toString());
        assertFalse(direct.toString(StandardCharsets.UTF_8).contains("early stopping"), direct.toString());
    }

    @Test
    void aNonFiniteLossStopsTheRunNamingEpochAndBatch() {
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> quiet().train(request(DIVERGE, tmp.resolve("diverge"), false), List.of()));
        assertTrue(e.getMessage().matches("(?s).*loss became NaN or infinite at epoch 1, batch \\d+.*"),
                e.getMessage());
    }

    @Test
    void aFreshRunRefusesToReplaceATrainedModelDirectory() throws Exception {
        Path out = tmp.resolve("twice");
        quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(1).out(out).build(), List.of());
        TrainRequest again = TrainRequest.builder().config(QUICK).device("cpu").epochs(1).out(out).build();
        Expect.rejects(IllegalArgumentException.class, () -> quiet().train(again, List.of()), "--resume");
    }

    @Test
    void resumeWithoutACheckpointIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quiet().train(request(QUICK, tmp.resolve("none"), true), List.of()));
        assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("none")), "a refused resume creates nothing");
    }

    @Test
    void resumeAndOverwriteTogetherAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainRequest.builder()
                .config(QUICK).resume(true).overwrite(true).build());
        assertTrue(e.getMessage().contains("--resume and --overwrite cannot be combined"), e.getMessage());
    }

    /** Every file under {@code dir} but the lock file, with its bytes. */
    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(ModelDirectory.LOCK)) {
                    files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file));
    }

    /** Entries of the directory beside {@code dir} that are hidden siblings of it. */
    private static List<String> siblings(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir.getParent())) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("." + dir.getFileName())).toList();
        }
    }

    @Test
    void aFailedOverwriteLeavesTheOldModelByteIdentical() throws Exception {
        Path out = tmp.resolve("kept");
        quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(2).out(out).build(), List.of());
        Map<String, byte[]> before = snapshot(out);
        assertTrue(before.containsKey("model.params") && before.containsKey("metrics.json"),
                before.keySet().toString());

        NonFiniteLossException diverged = assertThrows(NonFiniteLossException.class, () -> quiet().train(
                TrainRequest.builder().config(DIVERGE).device("cpu").out(out).overwrite(true).build(), List.of()));
        assertTrue(diverged.getMessage().contains("the model in " + out + " is left as it was"), diverged.getMessage());
        assertSameFiles(before, snapshot(out));

        Path emptyCsv = Files.writeString(tmp.resolve("empty.csv"), "a,b,label\n");
        Path csvConfig = Files.writeString(tmp.resolve("csv.yaml"), "data: {source: csv, csv: {train: " + emptyCsv
                + ", labelColumn: label}}\nmodel: {type: mlp}\nloss: {type: multiclass-hinge}\n");
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class, () -> quiet().train(
                TrainRequest.builder().config(csvConfig).device("cpu").out(out).overwrite(true).build(), List.of()));
        assertTrue(unreadable.getMessage().contains("no data rows"), unreadable.getMessage());
        assertSameFiles(before, snapshot(out));
        assertEquals(List.of(), siblings(out), "no hidden sibling is left behind");
    }

    @Test
    void anOverwriteSwapsTheCompletedRunIntoPlace() throws Exception {
        Path out = tmp.resolve("replaced");
        quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(1).out(out).build(), List.of());
        Files.writeString(out.resolve(ModelDirectory.CALIBRATION), "{}");
        RunReport report = quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(2).out(out)
                .overwrite(true).build(), List.of());
        assertEquals(out, report.modelDir());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(2, metrics.get("epochs").size());
        assertEquals("epoch-0001", Files.readString(out.resolve("checkpoints/LATEST")).trim());
        assertFalse(Files.exists(out.resolve(ModelDirectory.CALIBRATION)), "nothing of the old run stays");
        assertEquals(List.of(), siblings(out));
    }

    @Test
    void aFailedFreshRunLeavesNoModelDirectory() {
        Path out = tmp.resolve("diverged");
        assertThrows(NonFiniteLossException.class, () -> quiet().train(request(DIVERGE, out, false), List.of()));
        assertFalse(Files.exists(out), "a run that failed before its first checkpoint leaves nothing");
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointCanBeStartedAgain() throws Exception {
        Path out = tmp.resolve("restarted");
        Path partial = Files.createDirectories(out.resolve("checkpoints/.tmp-epoch-00001234567"));
        Files.write(partial.resolve(Checkpoints.PARAMETERS), new byte[] {1, 2, 3});
        Files.writeString(out.resolve(ModelDirectory.LOCK), "999999999\n");
        quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(1).out(out).build(), List.of());
        assertTrue(Files.isRegularFile(out.resolve("config.yaml")));
        try (Stream<Path> entries = Files.list(out.resolve("checkpoints"))) {
            assertEquals(List.of(), entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".tmp-"))
                    .toList());
        }
    }

    @Test
    void aResumeRemovesTheTemporaryDirectoriesOfKilledCheckpointWrites() throws Exception {
        Path out = tmp.resolve("cleaned");
        quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(2).out(out).build(), List.of());
        Path partial = Files.createDirectories(out.resolve("checkpoints/.tmp-epoch-00029876543"));
        Files.write(partial.resolve(Checkpoints.PARAMETERS), new byte[] {1, 2, 3});
        quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(3).out(out).resume(true).build(),
                List.of());
        assertFalse(Files.exists(partial));
        assertEquals("epoch-0002", Files.readString(out.resolve("checkpoints/LATEST")).trim());
    }

    @Test
    void aSecondTrainOnTheSameDirectoryIsRefusedNamingTheHoldersPid() throws Exception {
        Path out = tmp.resolve("locked");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.hingekit.cli.Main", "train",
                "--config", RESUME.toString(), "--out", out.toString(), "--device", "cpu", "--no-tensorboard")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("holder.log").toFile()).start();
        try {
            Path lock = out.resolve(ModelDirectory.LOCK);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(lock) && Files.readString(lock).endsWith("\n")) && holder.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(holder.isAlive(),
                    "the first run ended too soon: " + Files.readString(tmp.resolve("holder.log")));
            for (boolean resume : new boolean[] {false, true}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> quiet().train(
                        TrainRequest.builder().config(QUICK).device("cpu").out(out).resume(resume).overwrite(!resume)
                                .build(), List.of()));
                assertTrue(e.getMessage().contains("is in use by process PID " + holder.pid()), e.getMessage());
            }
        } finally {
            holder.destroyForcibly().waitFor();
        }
        DirectoryLock released = DirectoryLock.acquire(out.resolve(ModelDirectory.LOCK));
        String owner = Files.readString(out.resolve(ModelDirectory.LOCK));
        released.close();
        assertEquals(ProcessHandle.current().pid() + "\n", owner, "the OS released the killed holder's lock");
    }

    @Test
    void aResumeRefusesAConfigThatChangesTheNetworkDataOrLossNamingTheKeys() throws Exception {
        Path out = tmp.resolve("guarded");
        quiet().train(TrainRequest.builder().config(QUICK).device("cpu").epochs(1).out(out).build(), List.of());
        Map<String, byte[]> before = snapshot(out);
        String quick = Files.readString(QUICK);
        Path changed = Files.writeString(tmp.resolve("quick.yaml"), quick.replace("hidden: [16]", "hidden: [32]")
                .replace("margin: 1.0", "margin: 2.0").replace("samples: 600", "samples: 700"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> quiet().train(
                TrainRequest.builder().config(changed).device("cpu").epochs(2).out(out).resume(true).build(),
                List.of()));
        assertTrue(e.getMessage().startsWith("--resume: the config differs from " + out.resolve("checkpoints")),
                e.getMessage());
        assertTrue(e.getMessage().contains(" in data.blobs.samples (600 -> 700), loss.margin (1.0 -> 2.0), "
                + "model.hidden ([16] -> [32]); a resume may change only training.epochs, training.patience, "
                + "training.logInterval"), e.getMessage());
        assertSameFiles(before, snapshot(out));

        Path safe = Files.writeString(tmp.resolve("safe.yaml"), quick.replace("epochs: 4", "epochs: 3")
                .replace("logInterval: 5", "logInterval: 3\n  patience: 5"));
        quiet().train(TrainRequest.builder().config(safe).device("cpu").out(out).resume(true).build(), List.of());
        assertTrue(Files.readString(out.resolve("config.yaml")).contains("patience: 5"));
        assertEquals("epoch-0002", Files.readString(out.resolve("checkpoints/LATEST")).trim());
    }
}
