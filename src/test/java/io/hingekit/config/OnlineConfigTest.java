package io.hingekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnlineConfigTest {

    private static final String BASE = """
            data: {source: fashion-mnist}
            model: {type: linear}
            loss: {type: multiclass-hinge, variant: crammer-singer}
            """;

    @TempDir
    Path tmp;

    @Test
    void defaultsAreFilledInOncePerAlgorithm() throws IOException {
        OnlineConfig pa = read(BASE + "online: {}").online();
        assertEquals(OnlineAlgorithm.PA_I, pa.algorithm());
        assertEquals(OnlineConfig.DEFAULT_AGGRESSIVENESS, pa.aggressiveness());
        assertNull(pa.lambda(), "PA has no lambda");
        assertNull(pa.projection(), "PA has no projection");
        assertTrue(pa.bias());
        assertEquals(1000, pa.window());
        assertEquals(10_000, pa.checkpointEvery());
        assertEquals(1000, pa.logEvery());
        OnlineConfig pegasos = read(BASE + "online: {algorithm: pegasos}").online();
        assertEquals(OnlineConfig.DEFAULT_LAMBDA, pegasos.lambda());
        assertFalse(pegasos.projection());
        assertNull(pegasos.aggressiveness(), "Pegasos has no C");
        assertNull(read(BASE + "online: {algorithm: pa}").online().aggressiveness(), "plain PA has no C");
    }

    @Test
    void aConfigWithoutAnOnlineSectionHasNone() throws IOException {
        assertNull(read(BASE).online());
    }

    @Test
    void wordsHaveAliases() throws IOException {
        assertEquals(OnlineAlgorithm.PA_II, read(BASE + "online: {algorithm: PA_II}").online().algorithm());
        assertEquals(OnlineAlgorithm.PA_I, read(BASE + "online: {algorithm: pai}").online().algorithm());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "algorithm: pa-i, lambda: 0.1|online.lambda must be absent for this online.algorithm (it applies to pegasos)",
        "algorithm: pa-ii, projection: true|online.projection must be absent",
        "algorithm: pegasos, aggressiveness: 2|online.aggressiveness must be absent",
        "algorithm: pa, aggressiveness: 2|online.aggressiveness must be absent",
        "algorithm: pegasos, lambda: 0|online.lambda must be a finite number > 0, got 0.0",
        "aggressiveness: -1|online.aggressiveness must be a finite number > 0, got -1.0",
        "window: 0|online.window must be > 0, got 0",
        "checkpointEvery: 0|online.checkpointEvery must be > 0, got 0",
        "classes: [a]|online.classes must be at least 2 distinct names",
        "classes: [a, a]|online.classes must be at least 2 distinct names",
        "algorithm: sgd|online.algorithm must be one of pegasos, pa, pa-i, pa-ii, got 'sgd'",
        "windows: 5|unknown key 'online.windows'",
        "window: 2.5|online.window must be an integer",
    })
    void badOnlineValuesAreNamed(String entries, String message) {
        Expect.rejects(IllegalArgumentException.class, () -> read(BASE + "online: {" + entries + "}"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "model: {type: mlp}|model.type must be linear for an online config, got mlp",
        "loss: {type: multiclass-hinge}|loss.variant must be crammer-singer for an online config",
        "loss: {type: multiclass-hinge, variant: crammer-singer, power: 2}|loss.power must be 1 for an online config",
        "loss: {type: multiclass-hinge, variant: crammer-singer, classWeights: [1, 2]}|"
                + "loss.classWeights must be absent for online.algorithm pa",
    })
    void sectionsThatDoNotFitOnlineLearningAreRefused(String override, String message) {
        String model = override.startsWith("model") ? override : "model: {type: linear}";
        String loss = override.startsWith("loss") ? override : "loss: {type: multiclass-hinge, variant: crammer-singer}";
        String yaml = "data: {source: fashion-mnist}\n" + model + "\n" + loss + "\nonline: {algorithm: pa}\n";
        Expect.rejects(IllegalArgumentException.class, () -> read(yaml), message);
    }

    @Test
    void scalingAndMismatchedClassesAreRefused() {
        Expect.rejects(IllegalArgumentException.class, () -> read("""
                data: {source: csv, csv: {train: x.csv, labelColumn: y}, normalize: standard}
                model: {type: linear}
                loss: {type: binary-hinge}
                online: {classes: [no, yes], features: 3}
                """), "data.normalize must be none for an online config");
        Expect.rejects(IllegalArgumentException.class, () -> read("""
                data: {source: csv, csv: {train: x.csv, labelColumn: y}}
                model: {type: linear}
                loss: {type: binary-hinge}
                online: {classes: [a, b, c], features: 3}
                """), "online.classes must be 2 names for loss.type binary-hinge");
        Expect.rejects(IllegalArgumentException.class, () -> read("""
                data: {source: csv, csv: {train: x.csv, labelColumn: y}}
                model: {type: linear}
                loss: {type: binary-hinge, classWeights: [1, 2, 3]}
                online: {classes: [a, b], features: 3}
                """), "loss.classWeights must be one weight per class of online.classes (2)");
    }

    private RunConfig read(String yaml) throws IOException {
        Path file = tmp.resolve("online.yaml");
        Files.writeString(file, yaml);
        return RunConfigs.read(file);
    }
}
