package io.hingekit.export;

import io.hingekit.files.LittleEndianOutput;
import io.hingekit.inference.EmbeddingBatch;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Writes the FAISS/TEXMEX vector format. Files, all row-aligned:
 * <ul>
 *   <li>{@code vectors.fvecs}: per row a little-endian int32 dimension {@code d}, then {@code d} float32 values;
 *   <li>{@code labels.ivecs}: per row the int32 {@code 1}, then the int32 label;
 *   <li>{@code ids.txt}: per row the decimal item id and a newline.
 * </ul>
 * The formats have no header or version; the row count is the file size divided by {@code 4 * (d + 1)}.
 */
public final class FvecsWriter implements EmbeddingWriter {

    /** File name of the vectors. */
    public static final String VECTORS_FILE = "vectors.fvecs";

    /** File name of the labels. */
    public static final String LABELS_FILE = "labels.ivecs";

    /** File name of the ids. */
    public static final String IDS_FILE = "ids.txt";

    private final int dimension;
    private final LittleEndianOutput vectors;
    private final LittleEndianOutput labels;
    private final BufferedWriter ids;

    /**
     * Creates the three files in the target directory.
     *
     * @param target where to write
     * @throws IOException if a file cannot be created
     */
    public FvecsWriter(WriterTarget target) throws IOException {
        this.dimension = target.dimension();
        this.vectors = LittleEndianOutput.create(target.directory().resolve(VECTORS_FILE));
        this.labels = LittleEndianOutput.create(target.directory().resolve(LABELS_FILE));
        this.ids = Files.newBufferedWriter(
                target.directory().resolve(IDS_FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    @Override
    public void write(EmbeddingBatch batch) throws IOException {
        for (int row = 0; row < batch.size(); row++) {
            vectors.writeInt(dimension);
            vectors.writeFloats(batch.vectors(), row * dimension, dimension);
            labels.writeInt(1);
            labels.writeInt(batch.labels()[row]);
            ids.write(Long.toString(batch.ids()[row]));
            ids.write('\n');
        }
    }

    @Override
    public FormatDetails finish() {
        return FormatDetails.ofFiles(VECTORS_FILE, LABELS_FILE, IDS_FILE);
    }

    @Override
    public void close() throws IOException {
        try (vectors; labels; ids) {
            // closes all three, keeping the first failure
        }
    }
}
