package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.config.VectorDistance;
import io.hingekit.files.NpyMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An embedding trained with each loss distance exports and searches with that distance (a bug once). */
class DistanceRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"euclidean", "squared-euclidean", "cosine"})
    void trainExportAndSearchWithEachDistance(String distance) throws Exception {
        Path config = Files.writeString(tmp.resolve("e.yaml"), """
                name: e
                data: {source: blobs, blobs: {samples: 200, features: 4, classes: 4, spread: 0.5}}
                model: {type: mlp-embedding, hidden: [8], embeddingDim: 4}
                loss: {type: triplet, distance: %s}
                optimizer: {type: adam, learningRate: 0.01}
                training: {epochs: 1, classesPerBatch: 4, samplesPerClass: 4}
                """.formatted(distance));
        Path model = tmp.resolve("model");
        assertEquals(0, Main.run("train", "--config", config.toString(), "--out", model.toString(), "--device",
                "cpu", "--no-tensorboard", "--logdir", tmp.resolve("runs").toString()));
        Path npy = tmp.resolve("npy");
        Path lucene = tmp.resolve("lucene");
        assertEquals(0, Main.run("export", "--model", model.toString(), "--format", "npy", "--out", npy.toString(),
                "--device", "cpu"));
        assertEquals(0, Main.run("export", "--model", model.toString(), "--format", "lucene", "--out",
                lucene.toString(), "--device", "cpu"));
        assertEquals(distance, JSON.readTree(npy.resolve("manifest.json").toFile()).get("distance").asText());

        CliRun search = CliRun.of(new SearchCommand(), "--index", lucene.toString(), "--id", "0", "-k", "3",
                "--json");
        assertEquals(0, search.exitCode(), search.err());
        JsonNode result = JSON.readTree(search.out());
        assertEquals(distance, result.get("distance").asText());
        JsonNode top = result.get("hits").get(0);
        NpyMatrix vectors = NpyMatrix.read(npy.resolve("vectors.npy"));
        double expected = byHand(distance, row(vectors, 0), row(vectors, top.get("id").asInt()));
        assertEquals(expected, top.get("distance").asDouble(), 1e-4);
        assertTrue(result.get("hits").size() == 3, search.out());
    }

    private static double byHand(String distance, float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        double squared = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
            squared += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return switch (VectorDistance.valueOf(distance.toUpperCase().replace('-', '_'))) {
            case EUCLIDEAN -> Math.sqrt(squared);
            case SQUARED_EUCLIDEAN -> squared;
            case COSINE -> 1 - dot / Math.sqrt(aa * bb);
            case DOT -> -dot;
        };
    }

    private static float[] row(NpyMatrix matrix, int row) {
        return Arrays.copyOfRange(matrix.values(), row * matrix.columns(), (row + 1) * matrix.columns());
    }
}
