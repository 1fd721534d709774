package io.hingekit.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which dataset a run trains on and how it is split. Fields that a source does not use are ignored.
 *
 * @param source {@code fashion-mnist}, {@code csv} or {@code blobs}
 * @param dir Fashion-MNIST directory holding the four IDX files (.gz or not); null = look in the usual places
 * @param validationFraction fraction of the training set held out (seeded) for validation and early stopping
 * @param csv the CSV source's settings
 * @param blobs the synthetic source's settings
 * @param limit use only the first {@code limit} training and test samples (0 = all); for quick runs and tests
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DataConfig(
        String source, String dir, Double validationFraction, CsvConfig csv, BlobsConfig blobs, Integer limit) {

    /** Default fraction of the training set held out for validation. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    /** Returns the validation fraction, or its default. */
    public double validationFractionOrDefault() {
        return validationFraction == null ? DEFAULT_VALIDATION_FRACTION : validationFraction;
    }

    /** Returns the sample limit, 0 meaning all. */
    public int limitOrAll() {
        return limit == null ? 0 : limit;
    }

    /**
     * Settings of a CSV dataset: numeric feature columns and one label column.
     *
     * @param train path of the training CSV
     * @param test path of the test CSV (null: carve a test split from {@code train} as well)
     * @param labelColumn name of the label column (a header row is required)
     */
    public record CsvConfig(String train, String test, String labelColumn) {}

    /**
     * Settings of the seeded synthetic Gaussian blobs.
     *
     * @param samples number of training samples (the test split gets a quarter as many)
     * @param features dimension of each sample
     * @param classes number of classes (2 = binary)
     * @param spread standard deviation of each blob around its centre (centres lie on a unit-scale grid)
     */
    public record BlobsConfig(Integer samples, Integer features, Integer classes, Double spread) {}
}
