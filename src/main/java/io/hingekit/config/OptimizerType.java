package io.hingekit.config;

/** The optimizer ({@code optimizer.type}). */
public enum OptimizerType implements ConfigWord {
    /** SGD with momentum. */
    SGD("sgd"),
    /** Adam. */
    ADAM("adam");

    private final String word;

    OptimizerType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
