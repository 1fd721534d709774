package io.hingekit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hingekit.Expect;
import io.hingekit.data.FashionMnistSource;
import io.hingekit.training.TrainRequest;
import io.hingekit.training.TrainingService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A raw image or row given to {@code search --model --input} embeds exactly as the same item does in export. */
class ModelQueriesTest {

    @TempDir
    static Path tmp;

    private static Path model;

    @BeforeAll
    static void train() throws Exception {
        assumeTrue(FashionMnistSource.hasAllFiles(FashionMnistSource.DEBIAN_DIR), "dataset-fashion-mnist absent");
        model = tmp.resolve("model");
        new TrainingService(new PrintStream(new ByteArrayOutputStream())).train(TrainRequest.builder()
                .config(Path.of("src/test/resources/configs/tiny-image-embedding.yaml")).device("cpu").out(model)
                .build(), List.of());
    }

    @Test
    void aGreyPngEmbedsLikeTheExportedItem() throws Exception {
        EmbeddingBatch first;
        try (EmbeddingSource source = ModelEmbeddingSource.open(new EmbeddingRequest(model, null, "test", 8, "cpu"))) {
            first = source.batches().next();
        }
        byte[] pixels = first.thumbnails().pixels();
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, 28, 28, Arrays.copyOf(pixels, 28 * 28));
        Path png = tmp.resolve("item0.png");
        ImageIO.write(image, "png", png.toFile());

        float[] query = ModelQueries.embed(model, png, "cpu");
        assertArrayEquals(Arrays.copyOf(first.vectors(), first.dimension()), query, 1e-5f);
    }

    @Test
    void damagedOrMissingImagesAreNamed() throws Exception {
        Path whole = tmp.resolve("whole.png");
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        String truncated = Expect.rejects(IllegalArgumentException.class, () -> ModelQueries.embed(model, cut, "cpu"),
                cut + " is not a readable image, cut short or damaged").getMessage();
        assertTrue(truncated.startsWith(cut.toString()), truncated);
        Path absent = tmp.resolve("absent.png");
        assertEquals("input: " + absent + " is not a file", Expect.rejects(IllegalArgumentException.class,
                () -> ModelQueries.embed(model, absent, "cpu")).getMessage());
    }

    @Test
    void inputsOfTheWrongSizeAreNamed() throws Exception {
        Path row = Files.writeString(tmp.resolve("row.txt"), "1 2 3");
        Expect.rejects(IllegalArgumentException.class,
                () -> ModelQueries.embed(model, row, "cpu"), "holds 3 values; the model takes 784");
        Path small = tmp.resolve("small.png");
        ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        Expect.rejects(IllegalArgumentException.class, () -> ModelQueries.embed(model, small, "cpu"), "is 10x12");
    }
}
