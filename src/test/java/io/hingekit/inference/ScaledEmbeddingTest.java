package io.hingekit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.cli.Main;
import io.hingekit.files.NpyMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedding model trained with data.normalize applies its saved scaling in export and in raw-input queries. */
class ScaledEmbeddingTest {

    @TempDir
    Path tmp;

    @Test
    void exportAndRawQueriesScaleTheSameWay() throws Exception {
        Random random = new Random(4);
        StringBuilder train = new StringBuilder("a,b,c,label\n");
        StringBuilder test = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 400; i++) {
            int y = i % 4;
            String row = (y + random.nextGaussian()) * 1000 + "," + (y % 2 + random.nextGaussian()) * 0.001 + ","
                    + random.nextGaussian() + "," + y + "\n";
            (i < 320 ? train : test).append(row);
        }
        Path config = Files.writeString(tmp.resolve("e.yaml"), """
                data: {source: csv, csv: {train: %s, test: %s, labelColumn: label}, normalize: standard}
                model: {type: mlp-embedding, hidden: [8], embeddingDim: 4}
                loss: {type: triplet}
                optimizer: {type: adam, learningRate: 0.01}
                training: {epochs: 1, classesPerBatch: 4, samplesPerClass: 4}
                """.formatted(Files.writeString(tmp.resolve("train.csv"), train),
                Files.writeString(tmp.resolve("test.csv"), test)));
        Path model = tmp.resolve("model");
        assertEquals(0, Main.run("train", "--config", config.toString(), "--out", model.toString(), "--device", "cpu",
                "--no-tensorboard"));
        assertTrue(Files.isRegularFile(model.resolve("preprocessing.json")));
        Path export = tmp.resolve("npy");
        assertEquals(0, Main.run("export", "--model", model.toString(), "--format", "npy", "--out",
                export.toString(), "--device", "cpu"));
        NpyMatrix vectors = NpyMatrix.read(export.resolve("vectors.npy"));
        String[] first = test.toString().split("\n")[1].split(",");
        Path query = Files.writeString(tmp.resolve("row.txt"), String.join(" ", Arrays.copyOf(first, 3)));
        float[] embedded = ModelQueries.embed(model, query, "cpu");
        assertArrayEquals(Arrays.copyOf(vectors.values(), 4), embedded, 1e-5f);
    }
}
