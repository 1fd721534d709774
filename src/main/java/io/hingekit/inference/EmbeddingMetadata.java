package io.hingekit.inference;

import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.config.VectorDistance;
import io.hingekit.files.FileChecksum;
import io.hingekit.model.ModelDirectory;
import io.hingekit.util.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an embedding source tells the manifest about where its vectors come from and how to compare them.
 *
 * @param modelDir the model directory the embeddings were computed with (null for synthetic data)
 * @param parameterChecksum checksum of the model's parameter file, for example {@code sha256:ab12...} (or null)
 * @param config the model's resolved configuration (empty when there is none)
 * @param source what was embedded, for example {@code fashion-mnist/test}
 * @param distance the distance the model was trained with
 * @param normalized whether the vectors are L2-normalised
 * @param labelNames class names, index = label (empty when labels have no names)
 */
public record EmbeddingMetadata(
        String modelDir,
        String parameterChecksum,
        Map<String, Object> config,
        String source,
        VectorDistance distance,
        boolean normalized,
        List<String> labelNames) {

    /**
     * Requires a distance and replaces absent collections by empty ones.
     *
     * @param modelDir the model directory, or null
     * @param parameterChecksum the parameter file's checksum, or null
     * @param config the resolved configuration, or null for none
     * @param source what was embedded
     * @param distance the model's distance
     * @param normalized whether the vectors are L2-normalised
     * @param labelNames class names, or null for none
     */
    public EmbeddingMetadata {
        Checks.present("distance", distance);
        config = config == null ? Map.of() : Map.copyOf(config);
        labelNames = labelNames == null ? List.of() : List.copyOf(labelNames);
    }

    /**
     * Describes the vectors of a trained embedding model (L2-normalised, compared by the model's distance).
     *
     * @param modelDir the model directory
     * @param config the model's configuration
     * @param source what was embedded
     * @param classNames the model's class names
     * @return the metadata, with the parameter file's checksum
     * @throws IOException when the parameter file cannot be read
     */
    public static EmbeddingMetadata ofModel(Path modelDir, RunConfig config, String source, List<String> classNames)
            throws IOException {
        return new EmbeddingMetadata(modelDir.toString(),
                FileChecksum.sha256(new ModelDirectory(modelDir).parameters()), RunConfigs.flatten(config), source,
                config.loss().distance(), true, classNames);
    }

    /**
     * Describes vectors that come from no model (tests, benchmarks, imported arrays).
     *
     * @param source what the vectors are
     * @param distance the distance to compare them with
     * @param normalized whether they are L2-normalised
     * @return metadata without model directory, checksum or configuration
     */
    public static EmbeddingMetadata withoutModel(String source, VectorDistance distance, boolean normalized) {
        return new EmbeddingMetadata(null, null, Map.of(), source, distance, normalized, List.of());
    }

    /**
     * Returns the name of a label, or the label number when it has no name.
     *
     * @param label the label
     * @return the class name or the decimal label
     */
    public String labelName(int label) {
        return label >= 0 && label < labelNames.size() ? labelNames.get(label) : Integer.toString(label);
    }
}
