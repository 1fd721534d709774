package io.hingekit.export;

import io.hingekit.config.VectorDistance;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.InMemoryEmbeddingSource;
import java.util.Random;

/**
 * Synthetic embeddings for tests and benchmarks: Gaussian clusters around random unit centres, optionally
 * L2-normalised, with the cluster index as label.
 *
 * @param vectors row-major values
 * @param labels cluster of each row
 * @param dimension the dimension
 */
public record ClusteredVectors(float[] vectors, int[] labels, int dimension) {

    /**
     * Draws {@code count} vectors.
     *
     * @param count rows
     * @param dimension dimension
     * @param clusters number of clusters
     * @param spread standard deviation of each coordinate around its centre
     * @param normalize whether to L2-normalise every row
     * @param seed random seed
     * @return the vectors
     */
    public static ClusteredVectors generate(
            int count, int dimension, int clusters, double spread, boolean normalize, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = unit(gaussian(random, dimension, 1.0));
        }
        float[] vectors = new float[count * dimension];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(clusters);
            float[] row = gaussian(random, dimension, spread);
            for (int j = 0; j < dimension; j++) {
                row[j] += centres[labels[i]][j];
            }
            System.arraycopy(normalize ? unit(row) : row, 0, vectors, i * dimension, dimension);
        }
        return new ClusteredVectors(vectors, labels, dimension);
    }

    /**
     * Returns a copy of one row.
     *
     * @param row the row
     * @return its vector
     */
    public float[] row(int row) {
        float[] copy = new float[dimension];
        System.arraycopy(vectors, row * dimension, copy, 0, dimension);
        return copy;
    }

    /**
     * Returns the number of rows.
     *
     * @return the count
     */
    public int count() {
        return labels.length;
    }

    /**
     * Wraps the vectors as a source.
     *
     * @param distance the distance to record
     * @param normalized whether the rows are normalised
     * @param batchSize rows per batch
     * @return the source
     */
    public InMemoryEmbeddingSource source(VectorDistance distance, boolean normalized, int batchSize) {
        return InMemoryEmbeddingSource.builder()
                .vectors(vectors, dimension)
                .labels(labels)
                .metadata(EmbeddingMetadata.withoutModel("clustered", distance, normalized))
                .batchSize(batchSize)
                .build();
    }

    private static float[] gaussian(Random random, int dimension, double sigma) {
        float[] v = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            v[j] = (float) (random.nextGaussian() * sigma);
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float[] u = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            u[j] = (float) (v[j] / Math.sqrt(norm));
        }
        return u;
    }
}
