package io.hingekit.search;

import io.hingekit.util.Checks;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.search.ScoreDoc;

/**
 * Evaluates an exported HNSW index: for a random sample of indexed items, compares the HNSW neighbours of each
 * item's stored vector with its exact neighbours (brute force over all stored vectors, in blocks, with NDArray
 * matrix products), and measures label precision and per-query latency. The item itself is left out of both
 * result lists.
 */
public final class IndexRecallEvaluator {

    /** Neighbours per query when none is given. */
    public static final int DEFAULT_K = 10;

    /** Queries when none is given. */
    public static final int DEFAULT_QUERIES = 1000;

    /** Seed of the query sample when none is given. */
    public static final long DEFAULT_SEED = 42L;

    /** Untimed HNSW queries run before the timed ones, so the latencies do not include JIT compilation. */
    public static final int WARMUP_QUERIES = 100;

    /** Stored vectors scored per matrix product in the exact search. */
    public static final int DEFAULT_BLOCK_ROWS = 8192;
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double P99 = 0.99;

    private final int k;
    private final int queries;
    private final int candidates;
    private final long seed;
    private final int blockRows;

    private IndexRecallEvaluator(Builder builder) {
        this.k = builder.k;
        this.queries = builder.queries;
        this.candidates = builder.candidates;
        this.seed = builder.seed;
        this.blockRows = builder.blockRows;
    }

    /**
     * Starts a builder with {@value #DEFAULT_K} neighbours, {@value #DEFAULT_QUERIES} queries and
     * {@link LuceneIndexSearcher#DEFAULT_CANDIDATES} candidates.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the evaluation.
     *
     * @param index the opened Lucene export
     * @return recall, precision and latency
     * @throws IllegalArgumentException if the index holds fewer than {@code k + 1} items
     * @throws IOException if reading the index fails
     */
    public IndexRecallReport evaluate(LuceneIndexSearcher index) throws IOException {
        int count = index.count();
        if (count < k + 1) {
            throw new IllegalArgumentException("k: the index holds " + count + " items, too few for k=" + k
                    + " neighbours besides the query");
        }
        int[] queryDocs = sampleDocs(count, Math.min(queries, count));
        int[] labels = index.labelsByDoc();
        long start = System.nanoTime();
        int[][] exact = exactNeighbours(index, queryDocs);
        double exactSeconds = (System.nanoTime() - start) / 1e9;
        int[][] approximate = new int[queryDocs.length][];
        long[] nanos = new long[queryDocs.length];
        warmUp(index, queryDocs);
        for (int q = 0; q < queryDocs.length; q++) {
            float[] query = index.vectorOf(queryDocs[q]);
            long begin = System.nanoTime();
            ScoreDoc[] hits = index.knn(query, k + 1, candidates).scoreDocs;
            nanos[q] = System.nanoTime() - begin;
            approximate[q] = withoutQuery(Arrays.stream(hits).mapToInt(h -> h.doc).toArray(), queryDocs[q]);
        }
        Arrays.sort(nanos);
        return new IndexRecallReport(count, index.dimension(), index.similarity().name(), k, queryDocs.length,
                Math.max(k + 1, candidates), recall(exact, approximate), precision(approximate, queryDocs, labels),
                precision(exact, queryDocs, labels), median(nanos) / NANOS_PER_MILLI,
                nearestRank(nanos, P99) / NANOS_PER_MILLI, exactSeconds);
    }

    private int[] sampleDocs(int count, int sampleSize) {
        int[] docs = new int[count];
        Arrays.setAll(docs, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(count - i);
            int swap = docs[i];
            docs[i] = docs[j];
            docs[j] = swap;
        }
        return Arrays.copyOf(docs, sampleSize);
    }

    private int[][] exactNeighbours(LuceneIndexSearcher index, int[] queryDocs) throws IOException {
        int dimension = index.dimension();
        float[] queryVectors = new float[queryDocs.length * dimension];
        for (int q = 0; q < queryDocs.length; q++) {
            System.arraycopy(index.vectorOf(queryDocs[q]), 0, queryVectors, q * dimension, dimension);
        }
        try (ExactNeighbours exact = new ExactNeighbours(queryVectors, dimension, k + 1, index.similarity())) {
            BlockFeeder feeder = new BlockFeeder(exact, dimension, blockRows, index.count());
            index.scanVectors(feeder);
            feeder.flush();
            long[][] rows = exact.rows();
            int[][] docs = new int[rows.length][];
            for (int q = 0; q < rows.length; q++) {
                docs[q] = withoutQuery(Arrays.stream(rows[q]).mapToInt(r -> feeder.rowToDoc[(int) r]).toArray(),
                        queryDocs[q]);
            }
            return docs;
        }
    }

    /** Collects stored vectors into blocks for the exact search. */
    private static final class BlockFeeder implements LuceneIndexSearcher.VectorVisitor {
        private final ExactNeighbours exact;
        private final int dimension;
        private final int blockRows;
        private final float[] block;
        private final int[] rowToDoc;
        private int rows;
        private int blockStart;

        BlockFeeder(ExactNeighbours exact, int dimension, int blockRows, int count) {
            this.exact = exact;
            this.dimension = dimension;
            this.blockRows = blockRows;
            this.block = new float[blockRows * dimension];
            this.rowToDoc = new int[count];
        }

        @Override
        public void visit(int doc, float[] vector) {
            rowToDoc[rows] = doc;
            System.arraycopy(vector, 0, block, (rows - blockStart) * dimension, dimension);
            rows++;
            if (rows - blockStart == blockRows) {
                flush();
            }
        }

        void flush() {
            if (rows > blockStart) {
                exact.addBlock(block, rows - blockStart, blockStart);
                blockStart = rows;
            }
        }
    }

    private void warmUp(LuceneIndexSearcher index, int[] queryDocs) throws IOException {
        for (int q = 0; q < Math.min(WARMUP_QUERIES, queryDocs.length); q++) {
            index.knn(index.vectorOf(queryDocs[q]), k + 1, candidates);
        }
    }

    /** Drops the query's own document and keeps the first {@code k} of the rest. */
    private int[] withoutQuery(int[] docs, int queryDoc) {
        return Arrays.stream(docs).filter(d -> d != queryDoc).limit(k).toArray();
    }

    private double recall(int[][] exact, int[][] approximate) {
        double sum = 0;
        for (int q = 0; q < exact.length; q++) {
            int[] expected = exact[q];
            sum += (double) Arrays.stream(approximate[q]).filter(d -> contains(expected, d)).count() / expected.length;
        }
        return sum / exact.length;
    }

    private double precision(int[][] neighbours, int[] queryDocs, int[] labels) {
        double sum = 0;
        for (int q = 0; q < neighbours.length; q++) {
            int label = labels[queryDocs[q]];
            sum += (double) Arrays.stream(neighbours[q]).filter(d -> labels[d] == label).count() / k;
        }
        return sum / neighbours.length;
    }

    private static boolean contains(int[] values, int value) {
        return Arrays.stream(values).anyMatch(v -> v == value);
    }

    /**
     * Returns the median of sorted values (the mean of the two middle values for an even count).
     *
     * @param sorted ascending values, at least one
     * @return the median
     */
    static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * Returns the nearest-rank percentile of sorted values: the smallest value with at least {@code p * n}
     * values at or below it.
     *
     * @param sorted ascending values, at least one
     * @param p the fraction, in (0, 1]
     * @return the percentile
     */
    static double nearestRank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Builds a {@link IndexRecallEvaluator}. */
    public static final class Builder {
        private int k = DEFAULT_K;
        private int queries = DEFAULT_QUERIES;
        private int candidates = LuceneIndexSearcher.DEFAULT_CANDIDATES;
        private long seed = DEFAULT_SEED;
        private int blockRows = DEFAULT_BLOCK_ROWS;

        private Builder() {}

        /**
         * Sets the neighbours per query.
         *
         * @param k a positive count
         * @return this builder
         */
        public Builder k(int k) {
            this.k = k;
            return this;
        }

        /**
         * Sets how many indexed items are used as queries (all items if the index holds fewer).
         *
         * @param queries a positive count
         * @return this builder
         */
        public Builder queries(int queries) {
            this.queries = queries;
            return this;
        }

        /**
         * Sets the graph candidates each HNSW search explores (at least {@code k + 1} are used).
         *
         * @param candidates a positive count
         * @return this builder
         */
        public Builder candidates(int candidates) {
            this.candidates = candidates;
            return this;
        }

        /**
         * Sets the seed of the query sample.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how many stored vectors the exact search scores per matrix product (memory: this many rows
         * times the number of queries scores).
         *
         * @param blockRows a positive count
         * @return this builder
         */
        public Builder blockRows(int blockRows) {
            this.blockRows = blockRows;
            return this;
        }

        /**
         * Validates and builds the evaluator.
         *
         * @return the evaluator
         * @throws IllegalArgumentException naming a non-positive parameter
         */
        public IndexRecallEvaluator build() {
            Checks.positive("k", k);
            Checks.positive("queries", queries);
            Checks.positive("candidates", candidates);
            Checks.positive("blockRows", blockRows);
            return new IndexRecallEvaluator(this);
        }
    }
}
