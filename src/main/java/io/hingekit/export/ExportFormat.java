package io.hingekit.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/** The file formats an export can write, each opening its own {@link EmbeddingWriter}. */
public enum ExportFormat {
    /** FAISS/TEXMEX {@code .fvecs} vectors with {@code labels.ivecs} and {@code ids.txt}; see {@link FvecsWriter}. */
    FVECS(FvecsWriter::new),
    /** NumPy {@code .npy} arrays; see {@link NpyWriter}. */
    NPY(NpyWriter::new),
    /** One JSON object per line; see {@link JsonlWriter}. */
    JSONL(JsonlWriter::new),
    /** A Lucene 9 index with an HNSW vector field; see {@link LuceneHnswWriter}. */
    LUCENE(LuceneHnswWriter::new),
    /** TensorBoard embedding projector files; see {@link ProjectorWriter}. */
    PROJECTOR(ProjectorWriter::new);

    private final WriterOpener opener;

    ExportFormat(WriterOpener opener) {
        this.opener = opener;
    }

    /**
     * Opens a writer of this format into the target directory.
     *
     * @param target where and what to write
     * @return the writer
     * @throws IOException if the files cannot be created
     */
    public EmbeddingWriter open(WriterTarget target) throws IOException {
        return opener.open(target);
    }

    /**
     * Returns the lower-case name used on the command line and in manifests.
     *
     * @return for example {@code lucene}
     */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a format name, case-insensitively.
     *
     * @param name for example {@code npy}
     * @return the format
     * @throws IllegalArgumentException if the name is unknown
     */
    @JsonCreator
    public static ExportFormat fromName(String name) {
        return Arrays.stream(values())
                .filter(f -> f.id().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("format: unknown name '" + name
                        + "', expected one of " + Arrays.stream(values()).map(ExportFormat::id).toList()));
    }

    @FunctionalInterface
    private interface WriterOpener {
        EmbeddingWriter open(WriterTarget target) throws IOException;
    }
}
