package io.hingekit.search;

import io.hingekit.export.ExportFormat;
import io.hingekit.export.ExportManifest;
import io.hingekit.export.LuceneHnswWriter;
import io.hingekit.util.Checks;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches a Lucene export ({@link LuceneHnswWriter}) for the nearest neighbours of an item or of a raw vector,
 * through its HNSW graph. Open with {@link #open(Path)}; it checks the manifest and the index and refuses
 * other directories with a message saying what is wrong.
 */
public final class LuceneIndexSearcher implements Closeable {

    /**
     * Graph candidates a search explores when none is given (Lucene's {@code k} of the query; the hits are the
     * best {@code k} of them): more candidates raise recall and cost time.
     */
    public static final int DEFAULT_CANDIDATES = 100;

    private final Path exportDirectory;
    private final ExportManifest manifest;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String vectorField;
    private final VectorSimilarityFunction similarity;

    private LuceneIndexSearcher(
            Path exportDirectory, ExportManifest manifest, Directory directory, DirectoryReader reader) {
        this.exportDirectory = exportDirectory;
        this.manifest = manifest;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.vectorField = manifest.hnsw().vectorField();
        this.similarity = VectorSimilarityFunction.valueOf(manifest.hnsw().similarity());
    }

    /**
     * Opens the Lucene export in a directory.
     *
     * @param exportDirectory the directory {@code export --format lucene} wrote
     * @return the searcher; close it
     * @throws IllegalArgumentException if the directory is missing, not a Hingekit export, another format's
     *     export, or its index is missing, corrupt or disagrees with the manifest
     * @throws IOException if reading fails otherwise
     */
    public static LuceneIndexSearcher open(Path exportDirectory) throws IOException {
        if (!Files.isDirectory(exportDirectory)) {
            throw new IllegalArgumentException("index: " + exportDirectory + " is not a directory");
        }
        ExportManifest manifest = ExportManifest.read(exportDirectory);
        if (manifest.format() != ExportFormat.LUCENE || manifest.hnsw() == null) {
            throw new IllegalArgumentException("index: " + exportDirectory + " holds a '" + manifest.format().id()
                    + "' export, not a Lucene index; export with --format lucene");
        }
        Path indexDirectory = LuceneHnswWriter.indexDirectory(exportDirectory);
        if (!Files.isDirectory(indexDirectory)) {
            throw new IllegalArgumentException("index: " + indexDirectory + " is missing");
        }
        Directory directory = FSDirectory.open(indexDirectory);
        try {
            DirectoryReader reader = openReader(directory, indexDirectory);
            try {
                checkAgainstManifest(reader, manifest, exportDirectory);
                return new LuceneIndexSearcher(exportDirectory, manifest, directory, reader);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static DirectoryReader openReader(Directory directory, Path indexDirectory) {
        try {
            return DirectoryReader.open(directory);
        } catch (IndexNotFoundException e) {
            throw new IllegalArgumentException("index: no Lucene index in " + indexDirectory, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("index: the Lucene index in " + indexDirectory
                    + " cannot be read (" + e.getClass().getSimpleName() + "): " + e.getMessage(), e);
        }
    }

    private static void checkAgainstManifest(DirectoryReader reader, ExportManifest manifest, Path directory) {
        String field = manifest.hnsw().vectorField();
        FieldInfo info = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader().getFieldInfos()
                .fieldInfo(field);
        if (info == null || info.getVectorDimension() == 0) {
            throw new IllegalArgumentException("index: " + directory + " has no vector field '" + field + "'");
        }
        if (info.getVectorDimension() != manifest.dimension() || reader.numDocs() != manifest.count()) {
            throw new IllegalArgumentException("index: " + directory + " holds " + reader.numDocs() + " vectors of "
                    + "dimension " + info.getVectorDimension() + " but its manifest says " + manifest.count()
                    + " of dimension " + manifest.dimension());
        }
    }

    /**
     * Returns the export's manifest.
     *
     * @return the manifest
     */
    public ExportManifest manifest() {
        return manifest;
    }

    /**
     * Returns the export directory.
     *
     * @return the directory this searcher was opened on
     */
    public Path exportDirectory() {
        return exportDirectory;
    }

    /**
     * Returns the dimension of the indexed vectors.
     *
     * @return the dimension
     */
    public int dimension() {
        return manifest.dimension();
    }

    /**
     * Returns the number of indexed items.
     *
     * @return the count
     */
    public int count() {
        return reader.numDocs();
    }

    /**
     * Finds the nearest neighbours of a stored item, leaving the item itself out.
     *
     * @param id the item id
     * @param k how many neighbours
     * @param candidates graph candidates to explore (at least {@code k + 1})
     * @return up to {@code k} hits, closest first
     * @throws IllegalArgumentException if no item has this id
     * @throws IOException if reading the index fails
     */
    public List<SearchHit> searchById(long id, int k, int candidates) throws IOException {
        int doc = docOf(id);
        float[] query = vectorOf(doc);
        List<SearchHit> hits = new ArrayList<>(k);
        for (ScoreDoc hit : knn(query, k + 1, candidates).scoreDocs) {
            if (hit.doc != doc && hits.size() < k) {
                hits.add(toHit(hit, query));
            }
        }
        return hits;
    }

    /**
     * Finds the nearest neighbours of a vector.
     *
     * @param vector the query, of the index's dimension
     * @param k how many neighbours
     * @param candidates graph candidates to explore (at least {@code k})
     * @return up to {@code k} hits, closest first
     * @throws IllegalArgumentException if the vector's dimension differs from the index's
     * @throws IOException if reading the index fails
     */
    public List<SearchHit> searchByVector(float[] vector, int k, int candidates) throws IOException {
        if (vector.length != dimension()) {
            throw new IllegalArgumentException("dimension mismatch: the query vector has dimension " + vector.length
                    + " but the index holds vectors of dimension " + dimension());
        }
        List<SearchHit> hits = new ArrayList<>(k);
        for (ScoreDoc hit : knn(vector, k, candidates).scoreDocs) {
            hits.add(toHit(hit, vector));
        }
        return hits;
    }

    /** Runs an HNSW search exploring {@code candidates} graph nodes and keeps the best {@code k}. */
    TopDocs knn(float[] vector, int k, int candidates) throws IOException {
        Checks.positive("k", k);
        return searcher.search(new KnnFloatVectorQuery(vectorField, vector, Math.max(k, candidates)), k);
    }

    private SearchHit toHit(ScoreDoc hit, float[] query) throws IOException {
        return new SearchHit(idOf(hit.doc), labelOf(hit.doc), hit.score,
                manifest.distance().between(query, vectorOf(hit.doc)));
    }

    private int docOf(long id) throws IOException {
        TopDocs matches = searcher.search(LongField.newExactQuery(manifest.hnsw().idField(), id), 2);
        if (matches.scoreDocs.length == 0) {
            throw new IllegalArgumentException("id: no item with id " + id + " in " + exportDirectory);
        }
        if (matches.scoreDocs.length > 1) {
            throw new IllegalArgumentException("id: several items have id " + id + " in " + exportDirectory);
        }
        return matches.scoreDocs[0].doc;
    }

    /** Returns a copy of the stored vector of a document (index-wide doc id). */
    float[] vectorOf(int doc) throws IOException {
        LeafReaderContext leaf = leafOf(doc);
        FloatVectorValues values = leaf.reader().getFloatVectorValues(vectorField);
        if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            throw new IllegalStateException("document " + doc + " has no vector");
        }
        return values.vectorValue().clone();
    }

    long idOf(int doc) throws IOException {
        return numericValue(manifest.hnsw().idField(), doc);
    }

    int labelOf(int doc) throws IOException {
        return (int) numericValue(manifest.hnsw().labelField(), doc);
    }

    private long numericValue(String field, int doc) throws IOException {
        LeafReaderContext leaf = leafOf(doc);
        SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(field);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no value of field " + field);
        }
        return values.nextValue();
    }

    /** Visits every stored vector in document order; the array passed to the visitor is reused. */
    void scanVectors(VectorVisitor visitor) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(vectorField);
            if (values == null) {
                continue;
            }
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                visitor.visit(leaf.docBase + doc, values.vectorValue());
            }
        }
    }

    /** Returns the label of every document, indexed by index-wide doc id. */
    int[] labelsByDoc() throws IOException {
        int[] labels = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(manifest.hnsw().labelField());
            if (values == null) {
                continue;
            }
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                labels[leaf.docBase + doc] = (int) values.nextValue();
            }
        }
        return labels;
    }

    /** Receives stored vectors from {@link #scanVectors}. */
    @FunctionalInterface
    interface VectorVisitor {
        void visit(int doc, float[] vector) throws IOException;
    }

    private LeafReaderContext leafOf(int doc) {
        return reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    }

    DirectoryReader reader() {
        return reader;
    }

    String vectorField() {
        return vectorField;
    }

    VectorSimilarityFunction similarity() {
        return similarity;
    }

    @Override
    public void close() throws IOException {
        try (directory; reader) {
            // closes the reader, then the directory
        }
    }
}
