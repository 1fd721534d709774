package io.hingekit.config;

/** The loss a run optimises ({@code loss.type}). */
public enum LossType implements ConfigWord {
    /** Binary hinge on one score. */
    BINARY_HINGE("binary-hinge"),
    /** Multi-class hinge (see {@code loss.variant}). */
    MULTICLASS_HINGE("multiclass-hinge"),
    /** Cross-entropy plus an auxiliary multi-class hinge. */
    CE_AUX_HINGE("ce-aux-hinge"),
    /** Perceptron loss: the hinge at margin 0 (multi-class: the Crammer-Singer margin). */
    PERCEPTRON("perceptron"),
    /** Logistic loss (multi-class: softmax cross-entropy). */
    LOGISTIC("logistic"),
    /** Rennie and Srebro's smoothed (Huberised) hinge of the Crammer-Singer margin. */
    SMOOTHED_HINGE("smoothed-hinge"),
    /** One-vs-one hinge on K(K-1)/2 pairwise scores, predicted by voting. */
    ONE_VS_ONE("one-vs-one"),
    /** Triplet hinge on mined triplets of an embedding. */
    TRIPLET("triplet"),
    /** Contrastive hinge on the pairs of an embedding batch. */
    CONTRASTIVE("contrastive");

    private final String word;

    LossType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
