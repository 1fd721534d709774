package io.hingekit.config;

import java.util.List;

/**
 * The distance an embedding is compared with: the loss's {@code loss.distance}, an export manifest's
 * {@code distance}, and the distance next to search hits, in one spelling. The metric losses take the first three;
 * {@code dot} is for vectors brought from elsewhere.
 */
public enum VectorDistance implements ConfigWord {
    /** Euclidean (L2) distance. */
    EUCLIDEAN("euclidean", "l2") {
        @Override
        public float between(float[] a, float[] b) {
            return (float) Math.sqrt(squaredDistance(a, b));
        }
    },
    /** Squared Euclidean distance. */
    SQUARED_EUCLIDEAN("squared-euclidean", "squared_euclidean", "sqeuclidean") {
        @Override
        public float between(float[] a, float[] b) {
            return (float) squaredDistance(a, b);
        }
    },
    /** Cosine distance, {@code 1 - cos(a, b)}. */
    COSINE("cosine") {
        @Override
        public float between(float[] a, float[] b) {
            return (float) (1 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b)));
        }
    },
    /** Negative inner product, {@code -a.b} (smaller is closer). */
    DOT("dot", "dot_product", "inner_product") {
        @Override
        public float between(float[] a, float[] b) {
            return (float) -dot(a, b);
        }
    };

    private final String word;
    private final List<String> aliases;

    VectorDistance(String word, String... aliases) {
        this.word = word;
        this.aliases = List.of(aliases);
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    /**
     * Computes this distance between two vectors of the same dimension.
     *
     * @param a the first vector
     * @param b the second vector
     * @return the distance (smaller is closer)
     */
    public abstract float between(float[] a, float[] b);

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = (double) a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }
}
