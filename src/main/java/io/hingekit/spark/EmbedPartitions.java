package io.hingekit.spark;

import ai.djl.ndarray.NDManager;
import io.hingekit.inference.InputRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Embeds the rows of one partition in batches with the executor's {@link Embedder}: per row {@code id} (long),
 * {@code label} (int, null without labels) and {@code vector} ({@code array<float>}), the form vector databases and
 * Spark ML read.
 *
 * @param model the model directory (Hadoop path)
 * @param device the executors' device
 * @param columns the input's columns
 * @param batchSize rows per batch
 * @param scaled whether the features are already scaled (a split loaded with the model's scaler)
 */
record EmbedPartitions(String model, String device, TableColumns columns, int batchSize, boolean scaled)
        implements FlatMapFunction<Iterator<InternalRow>, Row> {

    private static final long serialVersionUID = 1L;

    /** The output schema. */
    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.LongType, false),
            DataTypes.createStructField("label", DataTypes.IntegerType, true),
            DataTypes.createStructField("vector", DataTypes.createArrayType(DataTypes.FloatType, false), false)));

    @Override
    public Iterator<Row> call(Iterator<InternalRow> rows) {
        Embedder embedder = LoadedModels.embedder(model, device);
        return RowBatches.flatMap(rows, columns::read, batchSize, batch -> embed(embedder, batch));
    }

    private List<Row> embed(Embedder embedder, List<TableColumns.InputRow> rows) {
        InputRows.Batch batch = columns.batch(rows);
        try (NDManager manager = NDManager.newBaseManager(LoadedModels.device(device))) {
            float[] vectors = embedder.embed(manager, batch, scaled);
            int dimension = vectors.length / batch.rows();
            List<Row> out = new ArrayList<>(batch.rows());
            for (int i = 0; i < batch.rows(); i++) {
                Float[] vector = new Float[dimension];
                int row = i;
                Arrays.setAll(vector, j -> vectors[row * dimension + j]);
                if (!Arrays.stream(vector).allMatch(Float::isFinite)) {
                    throw new IllegalArgumentException("the vector of row id=" + rows.get(i).id()
                            + " is not finite: " + Arrays.toString(vector));
                }
                out.add(RowFactory.create(((Number) rows.get(i).id()).longValue(),
                        batch.labels() == null ? null : batch.labels()[i], vector));
            }
            return out;
        }
    }
}
