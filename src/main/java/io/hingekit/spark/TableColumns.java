package io.hingekit.spark;

import io.hingekit.inference.InputRows;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where a table's id, features and label are, checked against the schema on the driver: the features as one
 * numeric array column, or (when the table has no such column) every other column, numeric, in order, as the CSV
 * reader of {@code score} takes them. Reads each row off Spark's internal rows ({@link #read}: an {@code array<float>}
 * is copied as one primitive array, never boxed value by value), refusing rows whose vector has the wrong length or
 * holds a missing value, NaN or infinity, named by their id; turns a run of read rows into an
 * {@link InputRows.Batch}.
 *
 * @param id index of the id column
 * @param idName name of the id column
 * @param vector index of the array features column, or -1
 * @param columns indices of the scalar feature columns (empty with an array column)
 * @param label index of the label column, or -1 for unlabelled rows
 * @param classNames the model's classes, to map string labels
 * @param featureCount values per row the model takes
 * @param pixelScale divisor applied on the device (255 for raw image bytes)
 * @param schema the table's schema, to read its internal rows
 */
record TableColumns(int id, String idName, int vector, int[] columns, int label, List<String> classNames,
        int featureCount, float pixelScale, StructType schema) implements Serializable {

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
                    featureCount, pixelScale, schema);
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
                columns.stream().mapToInt(Integer::intValue).toArray(), label, classNames, featureCount, pixelScale,
                schema);
    }

    /** Returns whether the rows carry labels. */
    boolean labelled() {
        return label >= 0;
    }

    /**
     * Reads one row: Spark may reuse the internal row for the next one, so everything is copied out here.
     *
     * @param row the table's row, as {@code Dataset.queryExecution().toRdd()} gives it
     * @return the id and label (external values) and the features
     * @throws IllegalArgumentException for a vector of the wrong length or a missing or non-finite value
     */
    InputRow read(InternalRow row) {
        Object idValue = external(row, id);
        float[] features = vector >= 0 ? vector(row, idValue) : scalars(row, idValue);
        for (int j = 0; j < featureCount; j++) {
            if (!Float.isFinite(features[j])) {
                throw notFinite(idValue, j, features[j]);
            }
        }
        return new InputRow(idValue, features, labelled() ? external(row, label) : null);
    }

    private float[] vector(InternalRow row, Object idValue) {
        ArrayData array = row.isNullAt(vector) ? null : row.getArray(vector);
        if (array == null || array.numElements() != featureCount) {
            throw new IllegalArgumentException("row " + idName + "=" + idValue + ": the features vector has "
                    + (array == null ? "no value" : array.numElements() + " values") + ", the model takes "
                    + featureCount);
        }
        ArrayType type = (ArrayType) schema.fields()[vector].dataType();
        for (int j = 0; type.containsNull() && j < featureCount; j++) {
            if (array.isNullAt(j)) {
                throw notFinite(idValue, j, null);
            }
        }
        DataType element = type.elementType();
        if (element instanceof FloatType) {
            return array.toFloatArray();
        }
        float[] features = new float[featureCount];
        for (int j = 0; j < featureCount; j++) {
            features[j] = element instanceof DoubleType ? (float) array.getDouble(j)
                    : ((Number) CatalystTypeConverters.convertToScala(array.get(j, element), element)).floatValue();
        }
        return features;
    }

    private float[] scalars(InternalRow row, Object idValue) {
        float[] features = new float[featureCount];
        for (int j = 0; j < featureCount; j++) {
            Object value = external(row, columns[j]);
            if (value == null) {
                throw notFinite(idValue, j, null);
            }
            features[j] = ((Number) value).floatValue();
        }
        return features;
    }

    private Object external(InternalRow row, int ordinal) {
        DataType type = schema.fields()[ordinal].dataType();
        return row.isNullAt(ordinal) ? null : CatalystTypeConverters.convertToScala(row.get(ordinal, type), type);
    }

    private IllegalArgumentException notFinite(Object idValue, int index, Float value) {
        return new IllegalArgumentException("row " + idName + "=" + idValue + ": feature " + index + " is "
                + (value == null ? "missing" : value) + "; features must be finite numbers");
    }

    /**
     * Builds the batch of some rows.
     *
     * @param rows the rows, as {@link #read} gave them
     * @return features, labels (when labelled) and the pixel scale
     * @throws IllegalArgumentException for an unknown label
     */
    InputRows.Batch batch(List<InputRow> rows) {
        float[] features = new float[rows.size() * featureCount];
        int[] labels = labelled() ? new int[rows.size()] : null;
        for (int r = 0; r < rows.size(); r++) {
            InputRow row = rows.get(r);
            System.arraycopy(row.features(), 0, features, r * featureCount, featureCount);
            if (labels != null) {
                labels[r] = label(row);
            }
        }
        return new InputRows.Batch(features, rows.size(), labels, 0, pixelScale);
    }

    private int label(InputRow row) {
        Object value = row.label();
        int index = value instanceof Number n ? n.intValue()
                : value == null ? -1 : classNames.indexOf(value.toString());
        if (index < 0 || index >= classNames.size() || value instanceof Number n && n.doubleValue() != index) {
            throw new IllegalArgumentException("row " + idName + "=" + row.id() + ": label " + value
                    + " is not one of the model's classes (indices 0.." + (classNames.size() - 1) + " or names "
                    + classNames + ")");
        }
        return index;
    }

    /**
     * One row as read from the table.
     *
     * @param id the id (its external value: Long, String...)
     * @param features the features, finite
     * @param label the label (a class index or name), or null
     */
    record InputRow(Object id, float[] features, Object label) {}

    /**
     * The column names a job reads.
     *
     * @param id the id column
     * @param features the array features column
     * @param label the label column
     */
    record ColumnNames(String id, String features, String label) {}
}
