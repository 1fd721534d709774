package io.hingekit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.config.ConfigWord;
import io.hingekit.config.NormalizeType;
import io.hingekit.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Per-feature scaling fitted on a training split, {@code x' = (x - offset) / scale}, saved as
 * {@code preprocessing.json} beside the model and applied by every command that reads raw inputs. A feature that is
 * constant on the training split gets scale 1 (as scikit-learn's scalers), never a division by zero.
 *
 * @param method {@code standard} (offset = mean, scale = population standard deviation) or {@code minmax}
 *     (offset = min, scale = max - min)
 * @param featureCount number of features per sample (the flattened input)
 * @param inputShape shape of one sample as the network takes it
 * @param offset per-feature offset
 * @param scale per-feature scale, never 0
 */
public record FeatureScaler(NormalizeType method, int featureCount, long[] inputShape, float[] offset,
        float[] scale) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(ConfigWord.jacksonModule());

    /**
     * Fits a scaler on training features, on their device.
     *
     * @param method standard or minmax
     * @param features training features (N, ...)
     * @return the scaler
     */
    public static FeatureScaler fit(NormalizeType method, NDArray features) {
        NDArray flat = features.toType(DataType.FLOAT32, false).reshape(features.getShape().get(0), -1);
        NDArray offset;
        NDArray scale;
        if (method == NormalizeType.STANDARD) {
            offset = flat.mean(new int[] {0});
            scale = flat.sub(offset).square().mean(new int[] {0}).sqrt();
        } else {
            offset = flat.min(new int[] {0});
            scale = flat.max(new int[] {0}).sub(offset);
        }
        NDArray safe = scale.eq(0).toType(DataType.FLOAT32, false).add(scale);
        return new FeatureScaler(method, Math.toIntExact(flat.getShape().get(1)),
                features.getShape().slice(1).getShape(), offset.toFloatArray(), safe.toFloatArray());
    }

    /**
     * Scales features of the fitted shape.
     *
     * @param features raw features (N, ...)
     * @return scaled float32 features of the same shape, on the same device
     * @throws IllegalArgumentException when the feature count differs from the fitted one
     */
    public NDArray apply(NDArray features) {
        long n = features.getShape().get(0);
        long count = n == 0 ? featureCount : features.size() / n;
        if (count != featureCount) {
            throw new IllegalArgumentException("inputs have " + count + " features per sample, the model's scaling was"
                    + " fitted on " + featureCount);
        }
        NDArray flat = features.toType(DataType.FLOAT32, false).reshape(n, featureCount);
        NDArray scaled = flat.sub(features.getManager().create(offset)).div(features.getManager().create(scale));
        return scaled.reshape(features.getShape());
    }

    /**
     * Writes the scaler as JSON, atomically.
     *
     * @param file the target, {@code preprocessing.json} of a model directory
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeJson(file, this);
    }

    /**
     * Reads a scaler written by {@link #write}.
     *
     * @param file the JSON file
     * @return the scaler
     * @throws IOException when the file cannot be read
     */
    public static FeatureScaler read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), FeatureScaler.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a valid preprocessing file: " + e.getOriginalMessage(),
                    e);
        }
    }
}
