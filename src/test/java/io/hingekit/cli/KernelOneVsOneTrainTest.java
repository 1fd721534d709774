package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.inference.InputRows;
import io.hingekit.inference.Scorer;
import io.hingekit.model.RandomFourierFeatures;
import io.hingekit.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a linear one-vs-one model behind random Fourier features from a config through {@code train}, then checks
 * that training left the map as its seed draws it, that a reloaded model scores identically, and that the scorer's
 * rows are per class and predicted by the vote.
 */
class KernelOneVsOneTrainTest {

    private static final int CLASSES = 4;
    private static final int FEATURES = 4;

    @TempDir
    static Path tmp;

    private static Path model;

    @BeforeAll
    static void train() throws IOException {
        Path config = tmp.resolve("rff-ovo.yaml");
        Files.writeString(config, """
                name: rff-ovo
                seed: 3
                data:
                  source: blobs
                  blobs: {samples: 400, features: 4, classes: 4, spread: 0.4}
                  validationFraction: 0.2
                model:
                  type: linear
                  featureMap: {type: rff, gamma: 0.5, components: 256, seed: 5}
                loss:
                  type: one-vs-one
                optimizer: {type: sgd, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01}
                training: {batchSize: 32, epochs: 4, logInterval: 5}
                """);
        model = tmp.resolve("model");
        CliRun run = CliRun.of(new Main(), "train", "--config", config.toString(), "--out", model.toString(),
                "--device", "cpu", "--no-tensorboard");
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    @Test
    void trainingLeavesTheMapAsItsSeedDrawsIt() throws IOException {
        try (TrainedModel trained = TrainedModel.load(model, Device.cpu());
                Model fresh = Model.newInstance("fresh", Device.cpu());
                Model saved = Model.newInstance("saved", Device.cpu())) {
            fresh.setBlock(TrainedModel.initializedBlock(trained.config(), trained.info(), fresh));
            saved.setBlock(TrainedModel.initializedBlock(trained.config(), trained.info(), saved));
            TrainedModel.readParameters(saved.getBlock(), model.resolve("model.params"), saved);
            int checked = 0;
            for (Pair<String, Parameter> p : fresh.getBlock().getParameters()) {
                float[] drawn = p.getValue().getArray().toFloatArray();
                float[] read = saved.getBlock().getParameters().get(p.getKey()).getArray().toFloatArray();
                if (p.getKey().endsWith("frequencies") || p.getKey().endsWith("phases")) {
                    assertArrayEquals(drawn, read, p.getKey());
                    checked++;
                } else {
                    assertFalse(java.util.Arrays.equals(drawn, read), p.getKey() + " was trained");
                }
            }
            assertEquals(2, checked);
            assertTrue(fresh.getBlock().getChildren().values().stream()
                    .anyMatch(RandomFourierFeatures.class::isInstance));
        }
    }

    @Test
    void reloadedModelScoresIdenticallyPerClassByVote() throws IOException {
        float[] rows = new float[20 * FEATURES];
        Random random = new Random(11);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) (random.nextGaussian() * 2);
        }
        InputRows.Batch batch = new InputRows.Batch(rows, 20, null, 0, 1f);
        float[] first;
        try (Scorer scorer = Scorer.open(model, Device.cpu()); NDManager manager = NDManager.newBaseManager()) {
            Scorer.RowScores scored = scorer.score(manager, batch);
            first = scored.scores();
            assertEquals(20 * CLASSES, first.length, "one score per class, not per pair");
            for (int r = 0; r < 20; r++) {
                int best = 0;
                for (int c = 1; c < CLASSES; c++) {
                    best = first[r * CLASSES + c] > first[r * CLASSES + best] ? c : best;
                }
                assertEquals(best, scored.predicted()[r], "row " + r);
            }
        }
        try (Scorer again = Scorer.open(model, Device.cpu()); NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(first, again.score(manager, batch).scores());
        }
    }

    @Test
    void aNystroemMapIsFittedToTheTrainingSplitAndSavedWithTheModel() throws IOException {
        Path config = tmp.resolve("nystroem.yaml");
        Files.writeString(config, Files.readString(tmp.resolve("rff-ovo.yaml"))
                .replace("name: rff-ovo", "name: nystroem")
                .replace("{type: rff, gamma: 0.5, components: 256, seed: 5}",
                        "{type: nystroem, gamma: 0.5, components: 60, inputPower: 0.5}")
                .replace("type: one-vs-one", "type: multiclass-hinge"));
        Path nystroem = tmp.resolve("nystroem");
        CliRun run = CliRun.of(new Main(), "train", "--config", config.toString(), "--out", nystroem.toString(),
                "--device", "cpu", "--no-tensorboard");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        double accuracy = new ObjectMapper().readTree(nystroem.resolve("metrics.json").toFile())
                .get("final").get("test/accuracy").asDouble();
        assertTrue(accuracy > 0.9, "test accuracy " + accuracy);
        try (Model saved = Model.newInstance("saved", Device.cpu()); TrainedModel trained =
                TrainedModel.load(nystroem, Device.cpu())) {
            saved.setBlock(TrainedModel.initializedBlock(trained.config(), trained.info(), saved));
            TrainedModel.readParameters(saved.getBlock(), nystroem.resolve("model.params"), saved);
            assertEquals(List.of("SignedPower", "NystroemFeatures"), saved.getBlock().getChildren().values().stream()
                    .map(block -> block.getClass().getSimpleName()).filter(name -> !name.equals("LambdaBlock"))
                    .limit(2).toList(), "the signed power runs before the map, also in the reloaded model");
            for (Pair<String, Parameter> p : saved.getBlock().getParameters()) {
                if (p.getKey().endsWith("landmarks") || p.getKey().endsWith("normalization")) {
                    assertTrue(p.getValue().getArray().abs().sum().getFloat() > 0, p.getKey() + " was fitted");
                }
            }
        }
    }

    @Test
    void oneVsOneLearnsTheBlobs() throws IOException {
        double accuracy = new ObjectMapper().readTree(model.resolve("metrics.json").toFile())
                .get("final").get("test/accuracy").asDouble();
        assertTrue(accuracy > 0.9, "test accuracy " + accuracy);
        try (TrainedModel trained = TrainedModel.load(model, Device.cpu())) {
            assertEquals(CLASSES * (CLASSES - 1) / 2, trained.info().outputs());
            try (NDManager manager = NDManager.newBaseManager()) {
                NDList out = trained.predict(new NDList(manager.zeros(new Shape(1, FEATURES), DataType.FLOAT32)));
                assertEquals(new Shape(1, 6), out.head().getShape());
            }
        }
    }
}
