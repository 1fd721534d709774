package io.hingekit.training;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes run configs as YAML, and flattens them into hyperparameter maps. */
public final class RunConfigs {

    // Only record components are config keys: helper methods such as isEmbedding() must not be written out.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private RunConfigs() {}

    /**
     * Reads a config file.
     *
     * @param file the YAML file
     * @return the config
     * @throws IllegalArgumentException naming the file and the problem when it is missing or malformed
     */
    public static RunConfig read(Path file) {
        try {
            RunConfig config = YAML.readValue(Files.readString(file), RunConfig.class);
            if (config == null || config.data() == null || config.model() == null || config.loss() == null) {
                throw new IllegalArgumentException("config " + file + " must have data, model and loss sections");
            }
            return withDefaults(config, file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file not found: " + file, e);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config " + file + ": unknown key '" + e.getPropertyName()
                    + "' at " + e.getPathReference(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config " + file + " is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    private static RunConfig withDefaults(RunConfig c, Path file) {
        String name = c.name() != null ? c.name() : file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        OptimizerConfig optimizer = c.optimizer() != null ? c.optimizer()
                : new OptimizerConfig("sgd", null, null, null, null, null, null, null);
        LoopConfig loop = c.training() != null ? c.training()
                : new LoopConfig(null, null, null, null, null, null, null, null);
        // fail now, not after loading the data
        SelectionCriterion.of(loop.selectBy(), c.model().isEmbedding());
        optimizer.clipGradNormOrOff();
        return new RunConfig(name, c.seedOrDefault(), c.data(), c.model(), c.loss(), optimizer, loop);
    }

    /**
     * Writes a config as YAML, atomically.
     *
     * @param config the config
     * @param file the target file
     * @throws IOException when writing fails
     */
    public static void write(RunConfig config, Path file) throws IOException {
        AtomicFiles.writeString(file, YAML.writeValueAsString(config));
    }

    /**
     * Flattens a config into dotted keys ({@code optimizer.learningRate}) with scalar values, for the hparams
     * record.
     *
     * @param config the config
     * @return the set values by dotted key
     */
    public static Map<String, Object> flatten(RunConfig config) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", YAML.convertValue(config, Map.class), flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, out);
            } else if (value != null) {
                out.put(name, value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
        });
    }
}
