package io.hingekit.spark;

import io.hingekit.inference.InputRows;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where a table's id, features and label are, checked against the schema on the driver: the features as one
 * numeric array column, or (when the table has no such column) every other column, numeric, in order, as the CSV
 * reader of {@code score} takes them. Turns a run of rows into an {@link InputRows.Batch}, refusing rows whose vector
 * has the wrong length or holds NaN or infinity, named by their id.
 *
 * @param id index of the id column
 * @param idName name of the id column
 * @param vector index of the array features column, or -1
 * @param columns indices of the scalar feature columns (empty with an array column)
 * @param label index of the label column, or -1 for unlabelled rows
 * @param classNames the model's classes, to map string labels
 * @param featureCount values per row the model takes
 * @param pixelScale divisor applied on the device (255 for raw image bytes)
 */
record TableColumns(int id, String idName, int vector, int[] columns, int label, List<String> classNames,
        int featureCount, float pixelScale) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Resolves and checks the columns.
     *
     * @param schema the table's schema
     * @param names the id, features and label column names ({@code label} may be absent from the table)
     * @param classNames the model's classes
     * @param featureCount values per row the model takes
     * @param pixelScale divisor applied on the device
     * @return the columns
     * @throws IllegalArgumentException naming a missing or mistyped column, or a feature count the model refuses
     */
    static TableColumns resolve(StructType schema, ColumnNames names, List<String> classNames, int featureCount,
            float pixelScale) {
        List<String> fields = Arrays.asList(schema.fieldNames());
        if (!fields.contains(names.id())) {
            throw new IllegalArgumentException("the input has no id column '" + names.id() + "' (columns: " + fields
                    + "); name it with --id-column");
        }
        int label = fields.indexOf(names.label());
        if (label >= 0) {
            DataType type = schema.fields()[label].dataType();
            if (!(type instanceof NumericType) && !(type instanceof StringType)) {
                throw new IllegalArgumentException("label column '" + names.label() + "' has type "
                        + type.simpleString() + "; expected class indices or class names");
            }
        }
        int vector = fields.indexOf(names.features());
        if (vector >= 0) {
            DataType type = schema.fields()[vector].dataType();
            if (!(type instanceof ArrayType array) || !(array.elementType() instanceof NumericType)) {
                throw new IllegalArgumentException("features column '" + names.features() + "' has type "
                        + type.simpleString() + "; expected array<float> (or another numeric array)");
            }
            return new TableColumns(fields.indexOf(names.id()), names.id(), vector, new int[0], label, classNames,
                    featureCount, pixelScale);
        }
        return scalarColumns(schema, names, fields, label, classNames, featureCount, pixelScale);
    }

    private static TableColumns scalarColumns(StructType schema, ColumnNames names, List<String> fields, int label,
            List<String> classNames, int featureCount, float pixelScale) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).equals(names.id()) && i != label) {
                StructField field = schema.fields()[i];
                if (!(field.dataType() instanceof NumericType)) {
                    throw new IllegalArgumentException("the input has no features column '" + names.features()
                            + "', so every other column is a feature, but '" + field.name() + "' has type "
                            + field.dataType().simpleString());
                }
                columns.add(i);
            }
        }
        if (columns.size() != featureCount) {
            throw new IllegalArgumentException("the input has " + columns.size() + " feature columns " + (label >= 0
                    ? "besides id and label" : "besides id (no label column '" + names.label() + "')")
                    + " and no features column '" + names.features() + "'; the model takes " + featureCount);
        }
        return new TableColumns(fields.indexOf(names.id()), names.id(), -1,
                columns.stream().mapToInt(Integer::intValue).toArray(), label, classNames, featureCount, pixelScale);
    }

    /** Returns whether the rows carry labels. */
    boolean labelled() {
        return label >= 0;
    }

    /**
     * Builds the batch of some rows.
     *
     * @param rows the rows
     * @return features, labels (when labelled) and the pixel scale
     * @throws IllegalArgumentException for a vector of the wrong length, a non-finite value or an unknown label
     */
    InputRows.Batch batch(List<Row> rows) {
        float[] features = new float[rows.size() * featureCount];
        int[] labels = labelled() ? new int[rows.size()] : null;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            copyFeatures(row, features, r * featureCount);
            if (labels != null) {
                labels[r] = label(row);
            }
        }
        return new InputRows.Batch(features, rows.size(), labels, 0, pixelScale);
    }

    private void copyFeatures(Row row, float[] into, int offset) {
        if (vector >= 0) {
            List<Object> values = row.isNullAt(vector) ? null : row.getList(vector);
            if (values == null || values.size() != featureCount) {
                throw new IllegalArgumentException("row " + idName + "=" + row.get(id) + ": the features vector has "
                        + (values == null ? "no value" : values.size() + " values") + ", the model takes "
                        + featureCount);
            }
            for (int j = 0; j < featureCount; j++) {
                into[offset + j] = finite(row, values.get(j), j);
            }
        } else {
            for (int j = 0; j < featureCount; j++) {
                into[offset + j] = finite(row, row.isNullAt(columns[j]) ? null : row.get(columns[j]), j);
            }
        }
    }

    private float finite(Row row, Object value, int index) {
        float f = value == null ? Float.NaN : ((Number) value).floatValue();
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException("row " + idName + "=" + row.get(id) + ": feature " + index + " is "
                    + (value == null ? "missing" : f) + "; features must be finite numbers");
        }
        return f;
    }

    private int label(Row row) {
        Object value = row.isNullAt(label) ? null : row.get(label);
        int index = value instanceof Number n ? n.intValue() : value == null ? -1 : classNames.indexOf(value.toString());
        if (index < 0 || index >= classNames.size() || value instanceof Number n && n.doubleValue() != index) {
            throw new IllegalArgumentException("row " + idName + "=" + row.get(id) + ": label " + value
                    + " is not one of the model's classes (indices 0.." + (classNames.size() - 1) + " or names "
                    + classNames + ")");
        }
        return index;
    }

    /**
     * The column names a job reads.
     *
     * @param id the id column
     * @param features the array features column
     * @param label the label column
     */
    record ColumnNames(String id, String features, String label) {}
}
