package io.hingekit.config;

/** Where a run's data comes from ({@code data.source}). */
public enum DataSource implements ConfigWord {
    /** Fashion-MNIST's IDX files. */
    FASHION_MNIST("fashion-mnist"),
    /** A CSV file with a header row and a label column. */
    CSV("csv"),
    /** Seeded synthetic Gaussian blobs. */
    BLOBS("blobs");

    private final String word;

    DataSource(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
