package io.hingekit.config;

/** The output head of a classifier network ({@code model.head}). */
public enum HeadType implements ConfigWord {
    /** One score per class. */
    HINGE("hinge"),
    /** Cross-entropy logits plus an auxiliary hinge head on the same features. */
    CE_AUX_HINGE("ce-aux-hinge");

    private final String word;

    HeadType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
