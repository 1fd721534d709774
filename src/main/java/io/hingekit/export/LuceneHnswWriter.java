package io.hingekit.export;

import io.hingekit.config.VectorDistance;
import io.hingekit.inference.EmbeddingBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a Lucene 9 index (codec Lucene912, vectors in Lucene99HnswVectorsFormat) under {@code index/}: one
 * document per item with
 * <ul>
 *   <li>{@value #VECTOR_FIELD}: a {@link KnnFloatVectorField} indexed in an HNSW graph built with the export's
 *       {@code maxConnections} and {@code beamWidth}; its similarity follows the model's distance
 *       ({@code similarity(VectorDistance, boolean)}: COSINE for L2-normalised vectors, EUCLIDEAN otherwise);
 *   <li>{@value #ID_FIELD}: a {@link LongField} (point, doc value, stored) with the item id;
 *   <li>{@value #LABEL_FIELD}: an {@link IntField} (point, doc value, stored) with the label.
 * </ul>
 * The index is force-merged into one segment, so a search walks one graph. Documents are buffered up to
 * {@value #RAM_BUFFER_MB} MB before Lucene flushes a segment; the vectors themselves are read from disk while
 * merging, but the merged segment's graph is held in memory (of the order of {@code 16 * maxConnections} bytes
 * per item on its bottom layer). Read it with {@code io.hingekit.search.LuceneIndexSearcher}; plain Lucene readers need no
 * Hingekit code (the HNSW parameters only affect writing).
 */
public final class LuceneHnswWriter implements EmbeddingWriter {

    /** Sub-directory of the export that holds the Lucene index. */
    public static final String INDEX_DIRECTORY = "index";

    /** Name of the vector field. */
    public static final String VECTOR_FIELD = "vector";

    /** Name of the item-id field. */
    public static final String ID_FIELD = "id";

    /** Name of the label field. */
    public static final String LABEL_FIELD = "label";

    /** Indexing RAM buffer before a segment is flushed. */
    public static final int RAM_BUFFER_MB = 256;

    private final WriterTarget target;
    private final VectorSimilarityFunction similarity;
    private final Directory directory;
    private final IndexWriter writer;

    /**
     * Returns the Lucene similarity whose ranking equals a distance's ranking. On L2-normalised vectors Euclidean
     * distance ranks like cosine ({@code |a-b|^2 = 2 - 2 cos}), so the index uses COSINE there.
     *
     * @param distance the embedding's distance
     * @param normalized whether the vectors are L2-normalised
     * @return the similarity for the index's vector field
     */
    static VectorSimilarityFunction similarity(VectorDistance distance, boolean normalized) {
        return switch (distance) {
            case COSINE -> VectorSimilarityFunction.COSINE;
            case DOT -> normalized ? VectorSimilarityFunction.DOT_PRODUCT
                    : VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            case EUCLIDEAN, SQUARED_EUCLIDEAN -> normalized ? VectorSimilarityFunction.COSINE
                    : VectorSimilarityFunction.EUCLIDEAN;
        };
    }

    /**
     * Creates the index directory and opens an index writer.
     *
     * @param target where to write; its options give the HNSW parameters
     * @throws IOException if the index cannot be created
     */
    public LuceneHnswWriter(WriterTarget target) throws IOException {
        this.target = target;
        this.similarity = similarity(target.metadata().distance(), target.metadata().normalized());
        KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(
                target.options().maxConnections(), target.options().beamWidth());
        if (target.dimension() > vectors.getMaxDimensions(VECTOR_FIELD)) {
            throw new IllegalArgumentException("dimension: Lucene indexes at most "
                    + vectors.getMaxDimensions(VECTOR_FIELD) + " dimensions, got " + target.dimension());
        }
        this.directory = FSDirectory.open(target.directory().resolve(INDEX_DIRECTORY));
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(false)
                .setCodec(codecWith(vectors));
        this.writer = new IndexWriter(directory, config);
    }

    private static Codec codecWith(KnnVectorsFormat vectors) {
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    @Override
    public void write(EmbeddingBatch batch) throws IOException {
        for (int row = 0; row < batch.size(); row++) {
            Document doc = new Document();
            doc.add(new KnnFloatVectorField(VECTOR_FIELD, batch.vector(row), similarity));
            doc.add(new LongField(ID_FIELD, batch.ids()[row], Field.Store.YES));
            doc.add(new IntField(LABEL_FIELD, batch.labels()[row], Field.Store.YES));
            writer.addDocument(doc);
        }
    }

    @Override
    public FormatDetails finish() throws IOException {
        writer.forceMerge(1);
        writer.commit();
        HnswParameters hnsw = new HnswParameters(target.options().maxConnections(), target.options().beamWidth(),
                similarity.name(), VECTOR_FIELD, ID_FIELD, LABEL_FIELD);
        return new FormatDetails(List.of(INDEX_DIRECTORY), hnsw, null, List.of());
    }

    /**
     * Returns where the index of an export directory lies.
     *
     * @param exportDirectory the export directory
     * @return its {@value #INDEX_DIRECTORY} sub-directory
     */
    public static Path indexDirectory(Path exportDirectory) {
        return exportDirectory.resolve(INDEX_DIRECTORY);
    }

    @Override
    public void close() throws IOException {
        try (directory; writer) {
            // closes the writer (dropping uncommitted documents of a failed export), then the directory
        }
    }
}
