package io.hingekit.config;

/** The loss a run optimises ({@code loss.type}). */
public enum LossType implements ConfigWord {
    /** Binary hinge on one score. */
    BINARY_HINGE("binary-hinge"),
    /** Multi-class hinge (see {@code loss.variant}). */
    MULTICLASS_HINGE("multiclass-hinge"),
    /** Cross-entropy plus an auxiliary multi-class hinge. */
    CE_AUX_HINGE("ce-aux-hinge"),
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
