package io.hingekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunConfigsTest {

    private static final String CLASSIFIER = """
            data: {source: blobs}
            model: {type: mlp, hidden: [8]}
            loss: {type: multiclass-hinge}
            """;
    private static final String EMBEDDING = """
            data: {source: blobs}
            model: {type: mlp-embedding, embeddingDim: 4}
            loss: {type: triplet}
            training: {classesPerBatch: 3, samplesPerClass: 4}
            """;

    @TempDir
    Path tmp;

    static Stream<Path> shippedConfigs() throws IOException {
        return Stream.concat(Files.list(Path.of("configs")), Files.list(Path.of("src/test/resources/configs")))
                .filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedConfigs")
    void everyShippedConfigReadsAndItsResolvedFormReadsBackTheSame(Path file) throws IOException {
        RunConfig config = RunConfigs.read(file);
        Path resolved = tmp.resolve("config.yaml");
        RunConfigs.write(config, resolved);
        assertEquals(config, RunConfigs.read(resolved));
    }

    @Test
    void defaultsAreFilledInOnce() throws IOException {
        RunConfig c = read(CLASSIFIER);
        assertEquals(RunConfig.DEFAULT_SEED, c.seed());
        assertEquals(HingeVariant.WESTON_WATKINS, c.loss().variant());
        assertEquals(1.0, c.loss().margin());
        assertTrue(c.loss().divideByClasses(), "Weston-Watkins divides by the classes, as PyTorch");
        assertEquals(SelectBy.LOSS, c.training().selectBy());
        assertEquals(128, c.training().batchSize());
        assertEquals(OptimizerType.SGD, c.optimizer().type());
        assertNull(c.loss().miner(), "a hinge loss has no miner");

        RunConfig e = read(EMBEDDING);
        assertEquals(MinerType.BATCH_HARD, e.loss().miner());
        assertEquals(0.2, e.loss().margin());
        assertEquals(VectorDistance.EUCLIDEAN, e.loss().distance());
        assertEquals(SelectBy.MAP_AT_R, e.training().selectBy());
        assertNull(e.model().head(), "an embedding network has no classifier head");
    }

    @Test
    void olderSpellingsStayAccepted() throws IOException {
        RunConfig c = read(CLASSIFIER.replace("{type: multiclass-hinge}",
                "{type: multiclass-hinge, variant: CRAMMER_SINGER}"));
        assertEquals(HingeVariant.CRAMMER_SINGER, c.loss().variant());
        RunConfig e = read(EMBEDDING.replace("{type: triplet}", "{type: triplet, distance: squared_euclidean}"));
        assertEquals(VectorDistance.SQUARED_EUCLIDEAN, e.loss().distance());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            batchSize: 0                | training.batchSize must be > 0, got 0
            logInterval: 0              | training.logInterval must be > 0, got 0
            epochs: 0                   | training.epochs must be > 0, got 0
            epochs: 2.5                 | training.epochs must be an integer
            patience: -1                | training.patience must be >= 0 (0 = no early stopping), got -1
            selectBy: map_at_r          | training.selectBy must be one of loss, accuracy for a classifier run, got 'map_at_r'
            selectBy: best              | training.selectBy must be one of loss, accuracy, map_at_r
            """)
    void badTrainingValuesAreNamed(String entry, String message) {
        assertRejected(CLASSIFIER + "training: {" + entry + "}\n", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {type: multiclass-hinge, miner: batch-hard}     | loss.miner must be absent for loss.type multiclass-hinge
            {type: multiclass-hinge, margin: -1}            | loss.margin must be finite and >= 0, got -1.0
            {type: multiclass-hinge, power: 3}              | loss.power must be 1 or 2, got 3
            {type: multi-hinge}                             | loss.type must be one of binary-hinge, multiclass-hinge, ce-aux-hinge, perceptron, logistic, smoothed-hinge, one-vs-one, triplet, contrastive, got 'multi-hinge'
            {type: perceptron, margin: 1}                   | loss.margin must be absent (or 0) for loss.type perceptron, which has no margin, got 1.0
            {type: smoothed-hinge, power: 2}                | loss.power must be absent (or 1) for loss.type smoothed-hinge, got 2
            {type: logistic, classWeights: [1, 2]}          | loss.classWeights must be absent for loss.type logistic
            {type: multiclass-hinge, variant: hinge}        | loss.variant must be one of weston-watkins, crammer-singer, one-vs-rest, got 'hinge'
            {type: triplet}                                 | loss.type must be a hinge loss for model.type mlp
            """)
    void badLossValuesAreNamed(String loss, String message) {
        assertRejected(CLASSIFIER.replace("{type: multiclass-hinge}", loss), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"perceptron", "logistic", "smoothed-hinge", "one-vs-one"})
    void theNewLossTypesReadBackFromTheirResolvedForm(String type) throws IOException {
        RunConfig config = read(CLASSIFIER.replace("{type: multiclass-hinge}", "{type: " + type + "}"));
        Path resolved = tmp.resolve("resolved-" + type + ".yaml");
        RunConfigs.write(config, resolved);
        assertEquals(config, RunConfigs.read(resolved));
    }

    @Test
    void aFeatureMapGoesOnlyInFrontOfALinearModel() throws IOException {
        assertRejected(CLASSIFIER.replace("hidden: [8]", "hidden: [8], featureMap: {gamma: 0.1}"),
                "model.featureMap must be absent for model.type mlp");
        String linear = CLASSIFIER.replace("type: mlp", "type: linear");
        assertRejected(linear.replace("hidden: [8]", "hidden: [8], featureMap: {type: rff}"),
                "model.featureMap.gamma must be a finite number > 0, got null");
        FeatureMapConfig map = read(linear.replace("hidden: [8]", "hidden: [8], featureMap: {type: nystroem, gamma: 0.5}"))
                .model().featureMap();
        assertEquals(
                new FeatureMapConfig(FeatureMapType.NYSTROEM, 0.5, FeatureMapConfig.DEFAULT_COMPONENTS, 0L, 1.0), map);
        assertRejected(linear.replace("hidden: [8]", "hidden: [8], featureMap: {gamma: 0.1, inputPower: 0}"),
                "model.featureMap.inputPower must be a finite number > 0, got 0.0");
        assertEquals(0.5, read(linear.replace("hidden: [8]", "hidden: [8], featureMap: {gamma: 0.1, inputPower: 0.5}"))
                .model().featureMap().inputPower());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            training: {classesPerBatch: 3, samplesPerClass: 1}   | training.samplesPerClass must be >= 2 (an anchor needs a positive), got 1
            training: {classesPerBatch: 3, samplesPerClass: 0}   | training.samplesPerClass must be >= 2
            training: {classesPerBatch: 3}                       | training.classesPerBatch and samplesPerClass must be set together
            loss: {type: contrastive, softMargin: true}          | loss.softMargin must be absent for loss.type contrastive
            loss: {type: triplet, miner: batch-hard, maxTriplets: 10} | loss.maxTriplets must be used with miner batch-all only
            loss: {type: triplet, distance: dot}                 | loss.distance must be euclidean, squared-euclidean or cosine
            """)
    void badEmbeddingValuesAreNamed(String section, String message) {
        String key = section.substring(0, section.indexOf(':'));
        String yaml = EMBEDDING.lines().filter(line -> !line.startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n")
                + section + "\n";
        assertRejected(yaml, message);
    }

    @Test
    void duplicateKeysUnknownKeysAndWrongShapesAreNamed() {
        assertRejected(CLASSIFIER + "seed: 1\nseed: 2\n", "Duplicate field 'seed'");
        assertRejected(CLASSIFIER + "data2: {}\n", "unknown key 'data2'");
        assertRejected(CLASSIFIER.replace("{source: blobs}", "{source: blobs, limit: -5}"),
                "data.limit must be >= 0 (0 = all), got -5");
        assertRejected(CLASSIFIER.replace("{source: blobs}", "{source: blobs, validationFraction: 1.5}"),
                "data.validationFraction must be in (0, 1), got 1.5");
        assertRejected(CLASSIFIER.replace("hidden: [8]", "hidden: [0]"), "model.hidden must be widths > 0, got [0]");
        assertRejected(CLASSIFIER + "optimizer: {type: adam, momentum: 0.9}\n",
                "optimizer.momentum must be absent for optimizer.type adam, got 0.9");
    }

    private RunConfig read(String yaml) throws IOException {
        return RunConfigs.read(Files.writeString(tmp.resolve("c.yaml"), yaml));
    }

    private void assertRejected(String yaml, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(yaml));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("config "), e.getMessage());
        List.of("Exception", "Cannot construct").forEach(
                noise -> assertTrue(!e.getMessage().contains(noise), "engine text in: " + e.getMessage()));
    }
}
