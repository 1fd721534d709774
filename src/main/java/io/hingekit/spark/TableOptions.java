package io.hingekit.spark;

import picocli.CommandLine.Option;

/** The options of jobs that read a table of raw rows: where it is and which columns hold what. */
public final class TableOptions {

    @Option(names = "--input", description = "the rows: a Parquet directory/file or a CSV file with a header (any"
            + " Hadoop path)")
    String input;

    @Option(names = "--input-format", description = "parquet or csv (default: by the extension, else parquet)")
    String format;

    @Option(names = "--id-column", defaultValue = "id", description = "the id column (default: ${DEFAULT-VALUE})")
    String id;

    @Option(names = "--features-column", defaultValue = "features", description = "the features as a numeric array"
            + " column; when absent, every column but id and label is a feature (default: ${DEFAULT-VALUE})")
    String features;

    @Option(names = "--label-column", defaultValue = "label", description = "the optional label column: class"
            + " indices or names (default: ${DEFAULT-VALUE})")
    String label;

    @Option(names = "--pixel-scale", defaultValue = "1", description = "divide features by this on the device, as"
            + " the image pipeline does (255 for raw image bytes; default: ${DEFAULT-VALUE})")
    float pixelScale;

    /** Creates the options; picocli fills them in. */
    public TableOptions() {}

    TableColumns.ColumnNames names() {
        return new TableColumns.ColumnNames(id, features, label);
    }
}
