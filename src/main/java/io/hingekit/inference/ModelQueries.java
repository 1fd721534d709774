package io.hingekit.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.data.FeatureScaler;
import io.hingekit.model.DeviceSelector;
import io.hingekit.model.ModelDirectory;
import io.hingekit.model.TrainedModel;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Embeds one raw input with a trained embedding model, for {@code search --model --input}: an image file (PNG, JPEG,
 * ...; its size must match the model's input, pixels scaled to [0, 1]) or a row of numbers (text, .npy or .fvecs)
 * holding exactly as many values as one sample.
 */
public final class ModelQueries {

    private static final float PIXEL_SCALE = 255f;

    private ModelQueries() {}

    /**
     * Embeds an input file.
     *
     * @param modelDir the model directory
     * @param input the image or row file
     * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (null = auto)
     * @return the embedding
     * @throws IOException when the model or the input cannot be read
     */
    public static float[] embed(Path modelDir, Path input, String device) throws IOException {
        Device target = DeviceSelector.resolve(device)[0];
        try (TrainedModel model = TrainedModel.load(modelDir, target);
                NDManager manager = NDManager.newBaseManager(target)) {
            if (!model.config().model().isEmbedding()) {
                throw new IllegalArgumentException(modelDir + " is a classifier with no embedding head");
            }
            Shape sample = new Shape(model.info().sampleShape());
            float[] values = isImage(input) ? pixels(input, sample) : QueryVectors.read(input);
            if (values.length != sample.size()) {
                throw new IllegalArgumentException(input + " holds " + values.length + " values; the model takes "
                        + sample.size() + " per sample (shape " + sample + ")");
            }
            NDArray raw = manager.create(values, new Shape(1).addAll(sample));
            FeatureScaler scaler = new ModelDirectory(modelDir).savedScaler();
            NDList embedding = model.predict(new NDList(scaler == null ? raw : scaler.apply(raw)));
            return embedding.head().toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    private static boolean isImage(Path input) {
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp");
    }

    private static float mean(Raster raster, int x, int y, int bands) {
        float sum = 0;
        for (int b = 0; b < bands; b++) {
            sum += raster.getSample(x, y, b);
        }
        return sum / bands;
    }

    /** Reads an image as (C, H, W) values in [0, 1]: one grey channel or three colour channels. */
    private static float[] pixels(Path input, Shape sample) throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input: " + input + " is not a file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(input.toFile());
        } catch (IOException | RuntimeException damaged) {
            throw new IllegalArgumentException(input + " is not a readable image, cut short or damaged ("
                    + damaged.getMessage() + ")", damaged);
        }
        if (image == null) {
            throw new IllegalArgumentException(input + " is not an image Java can read");
        }
        if (sample.dimension() != 3 || image.getHeight() != sample.get(1) || image.getWidth() != sample.get(2)) {
            throw new IllegalArgumentException(input + " is " + image.getWidth() + "x" + image.getHeight()
                    + "; the model takes samples of shape " + sample);
        }
        int channels = (int) sample.get(0);
        int height = image.getHeight();
        int width = image.getWidth();
        // The raster holds the stored samples; getRGB would convert a grey image from linear grey to sRGB.
        Raster raster = image.getRaster();
        int bands = Math.min(raster.getNumBands(), 3);
        float[] values = new float[channels * height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    float value = channels == 1 ? mean(raster, x, y, bands) : raster.getSample(x, y, c % bands);
                    values[(c * height + y) * width + x] = value / PIXEL_SCALE;
                }
            }
        }
        return values;
    }
}
