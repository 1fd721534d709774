package io.hingekit.spark;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads an input table: Parquet, or CSV with a header row (by {@code --input-format} or the path's extension). */
final class Tables {

    private Tables() {}

    static Dataset<Row> read(SparkSession spark, String input, String format) {
        String kind = format != null ? format.toLowerCase(Locale.ROOT)
                : input.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "parquet";
        try {
            return switch (kind) {
                case "parquet" -> spark.read().parquet(input);
                case "csv" -> spark.read().option("header", "true").option("inferSchema", "true").csv(input);
                default -> throw new IllegalArgumentException("--input-format must be parquet or csv, got " + format);
            };
        } catch (Exception e) {
            throw Failures.named("cannot read " + input, e);
        }
    }
}
