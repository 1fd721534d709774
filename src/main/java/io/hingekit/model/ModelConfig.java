package io.hingekit.model;

import java.util.List;

/**
 * The network a run trains.
 *
 * @param type {@code linear} (linear SVM), {@code mlp}, {@code cnn}, or an embedding network: {@code mlp-embedding},
 *     {@code cnn-embedding}
 * @param hidden widths of the MLP's hidden layers, or of the CNN's dense layer (first entry)
 * @param head {@code hinge} (one score per class) or {@code ce-aux-hinge} (a cross-entropy head plus an
 *     auxiliary hinge head on the same features)
 * @param embeddingDim dimension of the embedding (embedding networks only)
 * @param dropout dropout rate before the head (0 = none)
 */
public record ModelConfig(String type, List<Integer> hidden, String head, Integer embeddingDim, Double dropout) {

    /** Default MLP hidden width and CNN dense width. */
    public static final int DEFAULT_HIDDEN = 256;
    /** Default embedding dimension. */
    public static final int DEFAULT_EMBEDDING_DIM = 64;

    /** Returns the hidden widths, or the default single layer. */
    public List<Integer> hiddenOrDefault() {
        return hidden == null || hidden.isEmpty() ? List.of(DEFAULT_HIDDEN) : hidden;
    }

    /** Returns the head, {@code hinge} by default. */
    public String headOrDefault() {
        return head == null ? "hinge" : head;
    }

    /** Returns whether this model outputs embeddings rather than class scores. */
    public boolean isEmbedding() {
        return type != null && type.endsWith("-embedding");
    }

    /** Returns the embedding dimension, or its default. */
    public int embeddingDimOrDefault() {
        return embeddingDim == null ? DEFAULT_EMBEDDING_DIM : embeddingDim;
    }

    /** Returns the dropout rate, 0 by default. */
    public double dropoutOrNone() {
        return dropout == null ? 0 : dropout;
    }
}
