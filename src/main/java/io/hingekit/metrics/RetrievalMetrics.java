package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.mining.Distance;
import io.hingekit.mining.EuclideanDistance;
import io.hingekit.util.Checks;

/**
 * Leave-one-out retrieval metrics of embeddings: each item is a query against all others, ranked by a
 * {@link Distance} with exact k-NN, computed on the device in blocks of queries (block x N distances at a time).
 * Precision@1, R-precision and MAP@R follow pytorch-metric-learning's {@code AccuracyCalculator}; recall@k is the
 * fraction of queries with a same-label item among the k nearest; k-NN accuracy is the majority label of the k
 * nearest, ties between labels going to the label whose nearest member ranks first. Queries whose label has no other
 * member are left out and counted. Ties in distance are ordered as the engine's top-k returns them.
 */
public final class RetrievalMetrics {

    /** Default k of the k-NN vote (scikit-learn's default {@code n_neighbors}). */
    public static final int DEFAULT_KNN_K = 5;

    /** Default number of queries per block. */
    public static final int DEFAULT_QUERY_BLOCK = 1024;

    private static final int[] RECALL_KS = {1, 5, 10};
    private static final int SUMS = 7;

    private final Distance distance;
    private final int knnK;
    private final int queryBlock;

    private RetrievalMetrics(Builder builder) {
        this.distance = builder.distance;
        this.knnK = builder.knnK;
        this.queryBlock = builder.queryBlock;
    }

    /**
     * Starts a builder: Euclidean distance, k-NN with k = 5, blocks of 1024 queries.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the metrics.
     *
     * @param embeddings shape (N, D), floating point
     * @param labels integer class ids, N values
     * @return the report
     */
    public RetrievalReport evaluate(NDArray embeddings, NDArray labels) {
        long n = checkShapes(embeddings, labels);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray points = embeddings.stopGradient().toType(widened(embeddings.getDataType()), false);
            NDArray classes = labels.stopGradient().reshape(n).toType(DataType.INT64, false);
            NDList unique = classes.unique(null, true, true, true);
            NDArray sameLabelOthers = unique.get(2).take(unique.get(1)).sub(1);
            int depth = (int) Math.min(n - 1, Math.max(sameLabelOthers.max().getLong(), Math.max(10, knnK)));
            double[] sums = new double[SUMS];
            long counted = sameLabelOthers.gt(0).countNonzero().getLong();
            if (counted > 0) {
                for (long start = 0; start < n; start += queryBlock) {
                    addBlock(points, classes, sameLabelOthers, start, Math.min(n, start + queryBlock), depth, sums);
                }
            }
            return report(counted, n - counted, sums, Math.min(knnK, depth));
        }
    }

    /** Adds one block's per-metric sums over its counted queries to {@code sums}. */
    private void addBlock(NDArray points, NDArray classes, NDArray sameLabelOthers, long start, long end, int depth,
            double[] sums) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager manager = points.getManager();
            NDIndex block = new NDIndex("{}:{}", start, end);
            NDArray distances = distance.pairwise(points.get(block), points);
            NDArray queryIndices = manager.arange((int) start, (int) end, 1, DataType.INT64).expandDims(1);
            NDArray allIndices = manager.arange(0, (int) points.getShape().get(0), 1, DataType.INT64).expandDims(0);
            NDArray self = queryIndices.eq(allIndices);
            distances.set(self, infinity(distances.getDataType()));
            NDArray neighbours = distances.topK(depth, 1, false, true).get(1);
            NDArray neighbourLabels = classes.take(neighbours);
            NDArray queryLabels = classes.get(block).expandDims(1);
            NDArray relevant = neighbourLabels.eq(queryLabels).toType(DataType.FLOAT64, false);
            NDArray r = sameLabelOthers.get(block).toType(DataType.FLOAT64, false).expandDims(1);
            NDArray counted = r.gt(0).toType(DataType.FLOAT64, false).reshape(-1);
            NDArray ranks = manager.arange(1, depth + 1, 1, DataType.FLOAT64).expandDims(0);
            NDArray relevantWithinR = relevant.mul(ranks.lte(r).toType(DataType.FLOAT64, false));
            NDArray perR = r.maximum(1).reshape(-1);
            NDArray precisionAtRanks = relevant.cumSum(1).div(ranks);
            NDArray[] perQuery = {
                relevant.get(":, 0"),
                relevantWithinR.sum(new int[] {1}).div(perR),
                precisionAtRanks.mul(relevantWithinR).sum(new int[] {1}).div(perR),
                anyWithin(relevant, RECALL_KS[0]),
                anyWithin(relevant, RECALL_KS[1]),
                anyWithin(relevant, RECALL_KS[2]),
                knnCorrect(neighbourLabels, queryLabels)
            };
            for (int i = 0; i < SUMS; i++) {
                sums[i] += perQuery[i].mul(counted).sum().getDouble();
            }
        }
    }

    private static NDArray anyWithin(NDArray relevant, int k) {
        long columns = Math.min(k, relevant.getShape().get(1));
        return relevant.get(new NDIndex(":, :{}", columns)).max(new int[] {1});
    }

    /** 1 where the majority label of the k nearest is the query's (ties: the label seen first). */
    private NDArray knnCorrect(NDArray neighbourLabels, NDArray queryLabels) {
        long k = Math.min(knnK, neighbourLabels.getShape().get(1));
        NDArray nearest = neighbourLabels.get(new NDIndex(":, :{}", k));
        NDArray votes = nearest.expandDims(2).eq(nearest.expandDims(1)).sum(new int[] {2});
        NDArray earliness = nearest.getManager().arange(k, 0, -1, DataType.INT64).expandDims(0);
        NDArray winner = votes.mul(k + 1).add(earliness).argMax(1).expandDims(1);
        return nearest.gather(winner, 1).eq(queryLabels).toType(DataType.FLOAT64, false).reshape(-1);
    }

    private static RetrievalReport report(long counted, long skipped, double[] sums, int k) {
        double[] means = new double[SUMS];
        for (int i = 0; i < SUMS; i++) {
            means[i] = counted == 0 ? Double.NaN : sums[i] / counted;
        }
        return new RetrievalReport(
                counted, skipped, means[0], means[1], means[2], means[3], means[4], means[5], k, means[6]);
    }

    /** Positive infinity as a number of the given type: CUDA's index_put refuses a value of another type. */
    private static Number infinity(DataType type) {
        if (type == DataType.FLOAT64) {
            return Double.POSITIVE_INFINITY;
        }
        return Float.POSITIVE_INFINITY;
    }

    private static DataType widened(DataType type) {
        if (type == DataType.FLOAT16 || type == DataType.BFLOAT16) {
            return DataType.FLOAT32;
        }
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("embeddings must be floating point, got " + type);
        }
        return type;
    }

    private static long checkShapes(NDArray embeddings, NDArray labels) {
        Shape shape = embeddings.getShape();
        if (shape.dimension() != 2 || shape.get(0) == 0) {
            throw new IllegalArgumentException("embeddings must have shape (N, D) with N > 0, got " + shape);
        }
        if (labels.size() != shape.get(0)) {
            throw new IllegalArgumentException(
                    "labels must hold one class id per embedding: " + labels.size() + " for " + shape.get(0));
        }
        return shape.get(0);
    }

    /** Builds {@link RetrievalMetrics}. */
    public static final class Builder {

        private Distance distance = new EuclideanDistance();
        private int knnK = DEFAULT_KNN_K;
        private int queryBlock = DEFAULT_QUERY_BLOCK;

        private Builder() {}

        /**
         * Sets the distance the neighbours are ranked by.
         *
         * @param distance e.g. {@link EuclideanDistance}
         * @return this builder
         */
        public Builder distance(Distance distance) {
            this.distance = distance;
            return this;
        }

        /**
         * Sets k of the k-NN vote (capped at N - 1 when evaluating).
         *
         * @param knnK &gt;= 1
         * @return this builder
         */
        public Builder knnK(int knnK) {
            this.knnK = knnK;
            return this;
        }

        /**
         * Sets how many queries are ranked at a time (memory: block x N distances).
         *
         * @param queryBlock &gt;= 1
         * @return this builder
         */
        public Builder queryBlock(int queryBlock) {
            this.queryBlock = queryBlock;
            return this;
        }

        /**
         * Builds the metrics.
         *
         * @return the metrics
         * @throws IllegalArgumentException if a property is out of range
         */
        public RetrievalMetrics build() {
            Checks.present("distance", distance);
            Checks.check(knnK >= 1, "knnK", ">= 1", knnK);
            Checks.check(queryBlock >= 1, "queryBlock", ">= 1", queryBlock);
            return new RetrievalMetrics(this);
        }
    }
}
