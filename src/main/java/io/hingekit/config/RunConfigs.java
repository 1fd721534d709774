package io.hingekit.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hingekit.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes run configs as YAML, and flattens them into hyperparameter maps. Reading is strict: unknown and
 * duplicate keys, words outside a key's list, fractions where an integer belongs, and keys that the chosen type does
 * not use are errors naming the key and the value.
 */
public final class RunConfigs {

    // Only record components are config keys: helper methods such as isEmbedding() must not be written out.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .registerModule(ConfigWord.jacksonModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private RunConfigs() {}

    /**
     * Reads a config file; a config without {@code name} is named after its file.
     *
     * @param file the YAML file
     * @return the config, defaults filled in
     * @throws IllegalArgumentException naming the file, the key and the problem when it is missing or malformed
     */
    public static RunConfig read(Path file) {
        try {
            RunConfig config = YAML.readValue(Files.readString(file), RunConfig.class);
            if (config == null || config.data() == null || config.model() == null || config.loss() == null) {
                throw new IllegalArgumentException("config " + file + " must have data, model and loss sections");
            }
            String name = config.name() != null ? config.name()
                    : file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return new RunConfig(name, config.seed(), config.data(), config.model(), config.loss(),
                    config.optimizer(), config.training(), config.gate(), config.drift(), config.online());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file not found: " + file, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config " + file + ": " + describe(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Says what is wrong in the words of the config: the dotted key, the rule and the value found. */
    private static String describe(JsonProcessingException e) {
        String key = e instanceof JsonMappingException m ? key(m) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + key + "' (allowed there: " + String.join(", ",
                    u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")";
        }
        if (e.getCause() instanceof IllegalArgumentException bad) {
            // a section's constructor names its own key; a ConfigWord says only "must be one of ..."
            return bad.getMessage().startsWith("must be") ? key + " " + bad.getMessage() : bad.getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return key + " must be " + typeName(f.getTargetType()) + ", got '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !key.isEmpty()) {
            return key + " must be " + typeName(m.getTargetType());
        }
        return (key.isEmpty() ? "" : key + ": ") + e.getOriginalMessage();
    }

    private static String key(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type.isRecord() ? "a section of key: value lines" : "a " + type.getSimpleName();
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
