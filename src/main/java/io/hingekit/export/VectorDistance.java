package io.hingekit.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The distance a model's embeddings are compared with, as recorded in an export's manifest: it decides the Lucene
 * similarity of the index and the distance reported next to search hits.
 */
public enum VectorDistance {
    /** Euclidean (L2) distance. */
    EUCLIDEAN("euclidean", "l2") {
        @Override
        public float between(float[] a, float[] b) {
            return (float) Math.sqrt(squaredDistance(a, b));
        }
    },
    /** Squared Euclidean distance. */
    SQUARED_EUCLIDEAN("squared_euclidean", "sqeuclidean") {
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

        @Override
        public VectorSimilarityFunction similarity(boolean normalized) {
            return VectorSimilarityFunction.COSINE;
        }
    },
    /** Negative inner product, {@code -a.b} (smaller is closer). */
    DOT("dot", "dot_product", "inner_product") {
        @Override
        public float between(float[] a, float[] b) {
            return (float) -dot(a, b);
        }

        @Override
        public VectorSimilarityFunction similarity(boolean normalized) {
            return normalized ? VectorSimilarityFunction.DOT_PRODUCT : VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
        }
    };

    private final List<String> names;

    VectorDistance(String... names) {
        this.names = List.of(names);
    }

    /**
     * Returns the canonical name, as written in manifests.
     *
     * @return the lower-case name, for example {@code euclidean}
     */
    @JsonValue
    public String id() {
        return names.get(0);
    }

    /**
     * Computes this distance between two vectors of the same dimension.
     *
     * @param a the first vector
     * @param b the second vector
     * @return the distance (smaller is closer)
     */
    public abstract float between(float[] a, float[] b);

    /**
     * Returns the Lucene similarity whose ranking equals this distance's ranking. On L2-normalised vectors
     * Euclidean distance ranks like cosine ({@code |a-b|^2 = 2 - 2 cos}), so the index uses COSINE there.
     *
     * @param normalized whether the vectors are L2-normalised
     * @return the similarity for the index's vector field
     */
    public VectorSimilarityFunction similarity(boolean normalized) {
        return normalized ? VectorSimilarityFunction.COSINE : VectorSimilarityFunction.EUCLIDEAN;
    }

    /**
     * Parses a distance name, case-insensitively; accepts the canonical names and their aliases.
     *
     * @param name the name, for example {@code cosine} or {@code l2}
     * @return the distance
     * @throws IllegalArgumentException if the name is unknown
     */
    @JsonCreator
    public static VectorDistance fromName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(d -> d.names.contains(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "distance: unknown name '" + name + "', expected one of "
                                + Arrays.stream(values()).map(d -> d.names.toString()).toList()));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = (double) a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }
}
