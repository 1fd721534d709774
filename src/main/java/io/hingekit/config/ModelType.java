package io.hingekit.config;

/** The network of a run ({@code model.type}). */
public enum ModelType implements ConfigWord {
    /** A linear layer on the flattened input (a linear SVM). */
    LINEAR("linear"),
    /** Dense layers with ReLU. */
    MLP("mlp"),
    /** Two convolution blocks and a dense layer. */
    CNN("cnn"),
    /** The MLP trunk with an L2-normalised embedding head. */
    MLP_EMBEDDING("mlp-embedding"),
    /** The CNN trunk with an L2-normalised embedding head. */
    CNN_EMBEDDING("cnn-embedding");

    private final String word;

    ModelType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** Returns whether this network outputs embeddings rather than class scores. */
    public boolean isEmbedding() {
        return this == MLP_EMBEDDING || this == CNN_EMBEDDING;
    }

    /** Returns whether this network starts with convolutions, so its input must be images. */
    public boolean isConvolutional() {
        return this == CNN || this == CNN_EMBEDDING;
    }
}
