package io.hingekit.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hingekit.config.ConfigWord;
import io.hingekit.config.VectorDistance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} at the root of every export directory: what was exported from which model, how to
 * compare the vectors, and which files hold them. Version 1 of the layout; readers ignore unknown fields.
 *
 * @param manifestVersion layout version of this file ({@value #VERSION})
 * @param format the export format
 * @param createdAt ISO-8601 instant the export finished
 * @param modelDir the model directory (null for vectors from no model)
 * @param parameterChecksum checksum of the model's parameter file (or null)
 * @param config the model's resolved configuration
 * @param source what was embedded
 * @param count number of items
 * @param dimension embedding dimension
 * @param distance the model's distance
 * @param normalized whether the vectors are L2-normalised
 * @param labelNames class names, index = label
 * @param wallSeconds wall time of the export
 * @param files files and directories of the export, relative to its directory
 * @param hnsw HNSW parameters (Lucene exports only)
 * @param sprite the sprite image (projector exports with thumbnails only)
 * @param notes remarks, for example why a sprite was left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportManifest(
        int manifestVersion,
        ExportFormat format,
        String createdAt,
        String modelDir,
        String parameterChecksum,
        Map<String, Object> config,
        String source,
        long count,
        int dimension,
        VectorDistance distance,
        boolean normalized,
        List<String> labelNames,
        double wallSeconds,
        List<String> files,
        HnswParameters hnsw,
        SpriteInfo sprite,
        List<String> notes) {

    /** Name of the manifest file in an export directory. */
    public static final String FILE_NAME = "manifest.json";

    /** The layout version this code writes. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(ConfigWord.jacksonModule())
            .build();

    /**
     * Writes this manifest as {@code manifest.json} into a directory.
     *
     * @param directory the export directory
     * @throws IOException if writing fails
     */
    public void write(Path directory) throws IOException {
        Files.write(directory.resolve(FILE_NAME), toBytes());
    }

    /**
     * Returns this manifest as the bytes of {@code manifest.json}, for writers to other file systems.
     *
     * @return indented JSON, UTF-8
     * @throws IOException if serialising fails
     */
    public byte[] toBytes() throws IOException {
        return MAPPER.writeValueAsBytes(this);
    }

    /**
     * Reads the manifest of an export directory.
     *
     * @param directory the export directory
     * @return the manifest
     * @throws IllegalArgumentException if the directory holds no readable Hingekit manifest
     * @throws IOException if reading fails
     */
    public static ExportManifest read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(directory + " is not a Hingekit export: " + FILE_NAME + " is missing");
        }
        ExportManifest manifest;
        try {
            manifest = MAPPER.readValue(file.toFile(), ExportManifest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    file + " is not a valid Hingekit manifest: " + e.getOriginalMessage(), e);
        }
        if (manifest.format() == null || manifest.manifestVersion() < 1) {
            throw new IllegalArgumentException(file + " is not a valid Hingekit manifest: no format or version");
        }
        if (manifest.manifestVersion() > VERSION) {
            throw new IllegalArgumentException(file + " has manifest version " + manifest.manifestVersion()
                    + ", newer than the supported version " + VERSION);
        }
        return manifest;
    }

    /**
     * Returns the name of a label, or the label number when it has no name.
     *
     * @param label the label
     * @return the class name or the decimal label
     */
    public String labelName(int label) {
        return labelNames != null && label >= 0 && label < labelNames.size()
                ? labelNames.get(label)
                : Integer.toString(label);
    }
}
