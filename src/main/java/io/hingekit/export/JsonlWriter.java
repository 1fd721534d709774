package io.hingekit.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.hingekit.inference.EmbeddingBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code embeddings.jsonl}: UTF-8, one JSON object per line, {@code {"id":7,"label":3,"vector":[0.1,...]}},
 * floats in Java's shortest round-trip decimal form.
 */
public final class JsonlWriter implements EmbeddingWriter {

    /** File name of the JSON lines. */
    public static final String FILE = "embeddings.jsonl";

    private static final JsonFactory JSON = new JsonFactory();

    private final int dimension;
    private final JsonGenerator generator;

    /**
     * Creates the file.
     *
     * @param target where to write
     * @throws IOException if the file cannot be created
     */
    public JsonlWriter(WriterTarget target) throws IOException {
        this.dimension = target.dimension();
        OutputStream out = Files.newOutputStream(target.directory().resolve(FILE), StandardOpenOption.CREATE_NEW);
        this.generator = JSON.createGenerator(out);
        generator.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    }

    @Override
    public void write(EmbeddingBatch batch) throws IOException {
        float[] vectors = batch.vectors();
        for (int row = 0; row < batch.size(); row++) {
            generator.writeStartObject();
            generator.writeNumberField("id", batch.ids()[row]);
            generator.writeNumberField("label", batch.labels()[row]);
            generator.writeFieldName("vector");
            generator.writeStartArray();
            for (int i = row * dimension; i < (row + 1) * dimension; i++) {
                generator.writeNumber(vectors[i]);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    @Override
    public FormatDetails finish() throws IOException {
        generator.writeRaw('\n');
        generator.flush();
        return FormatDetails.ofFiles(FILE);
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
