package io.hingekit.config;

/** How an embedding loss reduces its terms ({@code loss.reduction}). */
public enum ReductionType implements ConfigWord {
    /** The mean over the terms with a positive loss. */
    MEAN_NONZERO("mean-nonzero"),
    /** The mean over all terms. */
    MEAN("mean");

    private final String word;

    ReductionType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
