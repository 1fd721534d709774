package io.hingekit.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Exact (brute-force) nearest neighbours of a set of queries among base vectors that arrive in blocks: each block
 * is scored against all queries with one matrix product and merged into a running top-{@code m} with
 * {@code topK}, so only one block of base vectors is in memory. Scores rank like the Lucene similarity:
 * COSINE compares normalised vectors, DOT_PRODUCT and MAXIMUM_INNER_PRODUCT the raw inner product, EUCLIDEAN
 * {@code 2 q.x - |x|^2} (the negative squared distance plus the per-query constant {@code |q|^2}).
 */
final class ExactNeighbours implements AutoCloseable {

    private static final float NORM_FLOOR = 1e-12f;

    private final NDManager manager;
    private final VectorSimilarityFunction similarity;
    private final int dimension;
    private final int neighbours;
    private final NDArray queries;
    private NDArray bestScores;
    private NDArray bestRows;

    /**
     * @param queries the queries, row-major
     * @param dimension the dimension
     * @param neighbours how many neighbours to keep per query
     */
    ExactNeighbours(float[] queries, int dimension, int neighbours, VectorSimilarityFunction similarity) {
        this.manager = NDManager.newBaseManager();
        this.similarity = similarity;
        this.dimension = dimension;
        this.neighbours = neighbours;
        this.queries = prepare(manager.create(queries, new Shape(queries.length / dimension, dimension)));
    }

    /** Scores one block of base vectors whose first row has the global row index {@code firstRow}. */
    void addBlock(float[] block, int rows, long firstRow) {
        try (NDManager scope = manager.newSubManager()) {
            float[] data = rows * dimension == block.length ? block : Arrays.copyOf(block, rows * dimension);
            NDArray base = prepare(scope.create(data, new Shape(rows, dimension)));
            NDArray scores = queries.matMul(base.transpose());
            if (similarity == VectorSimilarityFunction.EUCLIDEAN) {
                scores = scores.mul(2).sub(base.square().sum(new int[] {1}).expandDims(0));
            }
            NDList top = scores.topK(Math.min(neighbours, rows), 1, true, true);
            NDArray rowIndex = top.get(1).add(firstRow);
            merge(top.get(0), rowIndex);
        }
    }

    private void merge(NDArray scores, NDArray rows) {
        NDArray mergedScores = scores;
        NDArray mergedRows = rows;
        if (bestScores != null) {
            NDArray allScores = bestScores.concat(scores, 1);
            NDArray allRows = bestRows.concat(rows, 1);
            NDList top = allScores.topK(Math.min(neighbours, (int) allScores.getShape().get(1)), 1, true, true);
            mergedScores = top.get(0);
            mergedRows = allRows.gather(top.get(1), 1);
            bestScores.close();
            bestRows.close();
        }
        mergedScores.attach(manager);
        mergedRows.attach(manager);
        bestScores = mergedScores;
        bestRows = mergedRows;
    }

    private NDArray prepare(NDArray vectors) {
        if (similarity != VectorSimilarityFunction.COSINE) {
            return vectors;
        }
        return vectors.div(vectors.norm(new int[] {1}, true).maximum(NORM_FLOOR));
    }

    /**
     * Returns the global row indices of each query's neighbours, closest first.
     *
     * @return [query][rank] row indices
     */
    long[][] rows() {
        long[] flat = bestRows.toLongArray();
        int width = (int) bestRows.getShape().get(1);
        long[][] result = new long[flat.length / width][];
        for (int q = 0; q < result.length; q++) {
            result[q] = Arrays.copyOfRange(flat, q * width, (q + 1) * width);
        }
        return result;
    }

    @Override
    public void close() {
        manager.close();
    }
}
