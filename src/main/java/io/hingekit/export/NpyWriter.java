package io.hingekit.export;

import io.hingekit.files.LittleEndianOutput;
import io.hingekit.files.NpyHeader;
import io.hingekit.inference.EmbeddingBatch;
import java.io.IOException;

/**
 * Writes NumPy arrays in {@code .npy} format 1.0 (see {@link NpyHeader}), C order:
 * <ul>
 *   <li>{@code vectors.npy}: float32 {@code '<f4'}, shape {@code (n, d)};
 *   <li>{@code ids.npy}: int64 {@code '<i8'}, shape {@code (n,)};
 *   <li>{@code labels.npy}: int32 {@code '<i4'}, shape {@code (n,)}.
 * </ul>
 * The row count is unknown while streaming: each file starts with a fixed-size placeholder header that is
 * rewritten in place with the final count by {@link #finish()}. Load with {@code numpy.load(path)}.
 */
public final class NpyWriter implements EmbeddingWriter {

    /** File name of the vectors. */
    public static final String VECTORS_FILE = "vectors.npy";

    /** File name of the ids. */
    public static final String IDS_FILE = "ids.npy";

    /** File name of the labels. */
    public static final String LABELS_FILE = "labels.npy";

    private static final String FLOAT32 = "<f4";
    private static final String INT64 = "<i8";
    private static final String INT32 = "<i4";

    private final int dimension;
    private final LittleEndianOutput vectors;
    private final LittleEndianOutput ids;
    private final LittleEndianOutput labels;
    private long rows;

    /**
     * Creates the three files with placeholder headers.
     *
     * @param target where to write
     * @throws IOException if a file cannot be created
     */
    public NpyWriter(WriterTarget target) throws IOException {
        this.dimension = target.dimension();
        this.vectors = LittleEndianOutput.create(target.directory().resolve(VECTORS_FILE));
        this.ids = LittleEndianOutput.create(target.directory().resolve(IDS_FILE));
        this.labels = LittleEndianOutput.create(target.directory().resolve(LABELS_FILE));
        writeHeaders();
    }

    @Override
    public void write(EmbeddingBatch batch) throws IOException {
        vectors.writeFloats(batch.vectors(), 0, batch.vectors().length);
        ids.writeLongs(batch.ids());
        labels.writeInts(batch.labels());
        rows += batch.size();
    }

    @Override
    public FormatDetails finish() throws IOException {
        vectors.rewriteStart(NpyHeader.encode(FLOAT32, rows, dimension));
        ids.rewriteStart(NpyHeader.encode(INT64, rows));
        labels.rewriteStart(NpyHeader.encode(INT32, rows));
        return FormatDetails.ofFiles(VECTORS_FILE, IDS_FILE, LABELS_FILE);
    }

    private void writeHeaders() throws IOException {
        vectors.writeBytes(NpyHeader.encode(FLOAT32, 0, dimension));
        ids.writeBytes(NpyHeader.encode(INT64, 0));
        labels.writeBytes(NpyHeader.encode(INT32, 0));
    }

    @Override
    public void close() throws IOException {
        try (vectors; ids; labels) {
            // closes all three, keeping the first failure
        }
    }
}
