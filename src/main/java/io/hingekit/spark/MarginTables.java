package io.hingekit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.hingekit.lifecycle.MarginSample;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One side of a drift comparison as a table of margins: a model's saved validation margins (read on the driver,
 * {@link MarginSample#reference}) or a scores table ({@code spark score}'s Parquet, or a CSV that {@code score}
 * wrote). Columns {@code label} (null when unlabelled), {@code predicted}, {@code margin} (null when unlabelled) and
 * {@code gap}; labelled when the table has {@code label}, {@code margin} and {@code hinge_loss}, as {@code drift}
 * reads a scores file.
 *
 * @param source where the margins come from, for the report
 * @param model the local copy of the model directory, or null for a table
 * @param labelled whether labels and signed margins are known
 * @param rows the margins
 */
record MarginTables(String source, java.nio.file.Path model, boolean labelled, Dataset<Row> rows) {

    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("label", DataTypes.IntegerType, true),
            DataTypes.createStructField("predicted", DataTypes.IntegerType, false),
            DataTypes.createStructField("margin", DataTypes.DoubleType, true),
            DataTypes.createStructField("gap", DataTypes.DoubleType, false)));

    /**
     * Reads a side: a model directory (it holds {@code model-info.json}) or a scores table.
     *
     * @param session the Spark session
     * @param path a model directory or a table (any Hadoop path)
     * @param format the table's format, or null for the extension's
     * @return the side
     * @throws IllegalArgumentException when the model has no saved margins or the table lacks a column
     */
    static MarginTables read(SparkSession session, String path, String format) {
        return isModel(session, path) ? model(session, path) : table(session, path, format);
    }

    private static boolean isModel(SparkSession session, String path) {
        Path info = new Path(path, ModelDirectory.INFO);
        try {
            return info.getFileSystem(session.sparkContext().hadoopConfiguration()).exists(info);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static MarginTables model(SparkSession session, String path) {
        java.nio.file.Path local = ModelFiles.local(path);
        MarginSample sample;
        try {
            sample = MarginSample.reference(local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved margins of " + path + ": " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>(sample.size());
        for (int i = 0; i < sample.size(); i++) {
            rows.add(RowFactory.create(sample.labels()[i], sample.predicted()[i], sample.margins()[i],
                    sample.gaps()[i]));
        }
        return new MarginTables(sample.source(), local, true, session.createDataFrame(rows, SCHEMA));
    }

    private static MarginTables table(SparkSession session, String path, String format) {
        Dataset<Row> table = Tables.read(session, path, format);
        List<String> columns = Arrays.asList(table.schema().fieldNames());
        for (String required : List.of("predicted", "gap")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException(path + " has no column '" + required + "' (columns: " + columns
                        + "); a scores table written by spark score or score has predicted, gap and, with labels,"
                        + " label, margin and hinge_loss");
            }
        }
        boolean labelled = columns.containsAll(List.of("label", "margin", "hinge_loss"));
        return new MarginTables(path, null, labelled, table.select(
                (labelled ? col("label") : lit(null)).cast(DataTypes.IntegerType).as("label"),
                col("predicted").cast(DataTypes.IntegerType).as("predicted"),
                (labelled ? col("margin") : lit(null)).cast(DataTypes.DoubleType).as("margin"),
                col("gap").cast(DataTypes.DoubleType).as("gap")));
    }
}
