package io.hingekit.export;

import io.hingekit.config.VectorDistance;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.InMemoryEmbeddingSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes fvecs, npy, JSONL and projector exports of a fixed formula into a directory, for the independent check
 * {@code src/test/python/verify_export_formats.py}, which recomputes the formula and loads the files with
 * numpy and FAISS.
 */
public final class WriteFormatSamples {

    /** Rows of the sample (not a multiple of the batch size, so the last batch is partial). */
    public static final int COUNT = 1000;

    /** Dimension of the sample. */
    public static final int DIMENSION = 12;

    private static final int BATCH_SIZE = 64;

    private WriteFormatSamples() {}

    /**
     * Writes the exports.
     *
     * @param args the output directory
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        float[] vectors = new float[COUNT * DIMENSION];
        int[] labels = new int[COUNT];
        long[] ids = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                vectors[i * DIMENSION + j] = ((i * 7 + j * 3) % 17 - 8) / 4f;
            }
            labels[i] = i % 5;
            ids[i] = 1000L + 3L * i;
        }
        for (ExportFormat format : new ExportFormat[] {
            ExportFormat.FVECS, ExportFormat.NPY, ExportFormat.JSONL, ExportFormat.PROJECTOR}) {
            InMemoryEmbeddingSource source = InMemoryEmbeddingSource.builder()
                    .vectors(vectors, DIMENSION).labels(labels).ids(ids).batchSize(BATCH_SIZE)
                    .metadata(EmbeddingMetadata.withoutModel("formula", VectorDistance.EUCLIDEAN, false))
                    .build();
            new ExportService().export(source, ExportOptions.builder()
                    .format(format).out(root.resolve(format.id())).overwrite(true).build());
        }
        System.out.println("wrote " + root.toAbsolutePath());
    }
}
