package io.hingekit.export;

import io.hingekit.config.VectorDistance;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.EmbeddingSource;
import io.hingekit.inference.InMemoryEmbeddingSource;
import java.io.IOException;
import java.nio.file.Path;

/** A small fixed source and export helpers shared by the format tests. */
public final class FormatFixtures {

    static final long[] IDS = {10, 11, 1L << 40};
    static final int[] LABELS = {0, 7, 2};
    static final float[][] ROWS = {{1.5f, -2f}, {0.25f, 3e-3f}, {-1e-7f, 12345.678f}};

    private FormatFixtures() {}

    /** The three rows in batches of two, so a batch boundary falls inside the data. */
    public static InMemoryEmbeddingSource source(EmbeddingMetadata metadata) {
        float[] flat = {ROWS[0][0], ROWS[0][1], ROWS[1][0], ROWS[1][1], ROWS[2][0], ROWS[2][1]};
        return InMemoryEmbeddingSource.builder()
                .ids(IDS)
                .labels(LABELS)
                .vectors(flat, 2)
                .metadata(metadata)
                .batchSize(2)
                .build();
    }

    public static EmbeddingMetadata euclidean() {
        return EmbeddingMetadata.withoutModel("fixture", VectorDistance.EUCLIDEAN, false);
    }

    public static ExportResult export(EmbeddingSource source, ExportFormat format, Path out) throws IOException {
        return new ExportService().export(source, ExportOptions.builder().format(format).out(out).build());
    }
}
