package io.hingekit.config;

/**
 * How features are scaled before the network ({@code data.normalize}), fitted on the training split only and saved
 * with the model so that every command that reads raw inputs scales them the same way.
 */
public enum NormalizeType implements ConfigWord {
    /** No scaling: right for images already scaled to [0, 1] (Fashion-MNIST). */
    NONE("none"),
    /** Subtract the training mean, divide by the training standard deviation (population, as scikit-learn). */
    STANDARD("standard"),
    /** Map the training range of each feature to [0, 1]. */
    MINMAX("minmax");

    private final String word;

    NormalizeType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
