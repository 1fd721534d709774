package io.hingekit.config;

import static io.hingekit.util.Checks.check;
import static io.hingekit.util.Checks.positive;

/**
 * Which dataset a run trains on and how it is split; missing values take their defaults here. A section of another
 * source ({@code csv} for blobs, say) is an error.
 *
 * @param source where the data comes from (default {@code fashion-mnist})
 * @param dir Fashion-MNIST directory holding the four IDX files (.gz or not); null = look in the usual places
 * @param validationFraction fraction of the training set held out (seeded) for validation and early stopping
 * @param csv the CSV source's settings
 * @param blobs the synthetic source's settings
 * @param limit use only the first {@code limit} training and test samples (0 = all); for quick runs and tests
 * @param normalize feature scaling fitted on the training split (default {@code none}: right for images in [0, 1];
 *     {@code standard} or {@code minmax} for tabular features of different ranges)
 */
public record DataConfig(
        DataSource source, String dir, Double validationFraction, CsvConfig csv, BlobsConfig blobs, Integer limit,
        NormalizeType normalize) {

    /** Default fraction of the training set held out for validation. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    /** Fills in the defaults and checks the values. */
    public DataConfig {
        source = source == null ? DataSource.FASHION_MNIST : source;
        validationFraction = validationFraction == null ? DEFAULT_VALIDATION_FRACTION : validationFraction;
        check(validationFraction > 0 && validationFraction < 1, "data.validationFraction", "in (0, 1)",
                validationFraction);
        limit = limit == null ? 0 : limit;
        check(limit >= 0, "data.limit", ">= 0 (0 = all)", limit);
        check(csv == null || source == DataSource.CSV, "data.csv", "absent for data.source " + source.word(), "a section");
        check(source != DataSource.CSV || csv != null, "data.csv", "set for data.source csv", null);
        check(blobs == null || source == DataSource.BLOBS, "data.blobs", "absent for data.source " + source.word(),
                "a section");
        blobs = source == DataSource.BLOBS && blobs == null ? new BlobsConfig(null, null, null, null) : blobs;
        normalize = normalize == null ? NormalizeType.NONE : normalize;
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
     * @param samples number of training samples (the test split gets a quarter as many; default 2000)
     * @param features dimension of each sample (default 2)
     * @param classes number of classes (2 = binary; default 3)
     * @param spread standard deviation of each blob around its centre (centres lie on a unit-scale grid; default 1)
     */
    public record BlobsConfig(Integer samples, Integer features, Integer classes, Double spread) {

        /** Fills in the defaults and checks the values. */
        public BlobsConfig {
            samples = positive("data.blobs.samples", samples == null ? 2000 : samples);
            features = positive("data.blobs.features", features == null ? 2 : features);
            classes = classes == null ? 3 : classes;
            check(classes >= 2, "data.blobs.classes", ">= 2", classes);
            spread = spread == null ? 1.0 : spread;
            check(spread > 0 && !spread.isInfinite(), "data.blobs.spread", "a finite number > 0", spread);
        }
    }
}
