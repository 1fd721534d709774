package io.hingekit.config;

/** The learning-rate schedule ({@code optimizer.schedule}). */
public enum ScheduleType implements ConfigWord {
    /** The base rate throughout. */
    CONSTANT("constant"),
    /** Multiplied by {@code factor} every {@code stepEpochs} epochs. */
    STEP("step"),
    /** Cosine decay to 0 over the run. */
    COSINE("cosine");

    private final String word;

    ScheduleType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
