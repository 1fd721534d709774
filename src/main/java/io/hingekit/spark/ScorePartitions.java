package io.hingekit.spark;

import ai.djl.ndarray.NDManager;
import io.hingekit.inference.InputRows;
import io.hingekit.inference.Scorer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Scores the rows of one partition in batches with the executor's {@link Scorer}: per row the id, predicted class
 * and its name, the scores {@code score_<k>}, the gap, and with labels the label, signed margin, hinge loss and
 * violation flag: the columns {@code score} writes, the id in place of the row number.
 *
 * @param model the model directory (Hadoop path)
 * @param device the executors' device
 * @param columns the input's columns
 * @param batchSize rows per batch
 */
record ScorePartitions(String model, String device, TableColumns columns, int batchSize)
        implements FlatMapFunction<Iterator<InternalRow>, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * The output schema.
     *
     * @param input the input's schema (for the id column's type)
     * @param outputs scores per row
     * @return the schema
     */
    StructType schema(StructType input, int outputs) {
        List<StructField> fields = new ArrayList<>(List.of(input.fields()[columns.id()],
                DataTypes.createStructField("predicted", DataTypes.LongType, false),
                DataTypes.createStructField("predicted_name", DataTypes.StringType, false)));
        for (int k = 0; k < outputs; k++) {
            fields.add(DataTypes.createStructField("score_" + k, DataTypes.FloatType, false));
        }
        fields.add(DataTypes.createStructField("gap", DataTypes.FloatType, false));
        if (columns.labelled()) {
            fields.add(DataTypes.createStructField("label", DataTypes.IntegerType, false));
            fields.add(DataTypes.createStructField("margin", DataTypes.FloatType, false));
            fields.add(DataTypes.createStructField("hinge_loss", DataTypes.FloatType, false));
            fields.add(DataTypes.createStructField("violation", DataTypes.BooleanType, false));
        }
        return DataTypes.createStructType(fields);
    }

    @Override
    public Iterator<Row> call(Iterator<InternalRow> rows) {
        Scorer scorer = LoadedModels.scorer(model, device);
        return RowBatches.flatMap(rows, columns::read, batchSize, batch -> score(scorer, batch));
    }

    private List<Row> score(Scorer scorer, List<TableColumns.InputRow> rows) {
        InputRows.Batch batch = columns.batch(rows);
        try (NDManager manager = NDManager.newBaseManager(LoadedModels.device(device))) {
            Scorer.RowScores s = scorer.score(manager, batch);
            int outputs = s.scores().length / s.rows();
            List<Row> out = new ArrayList<>(s.rows());
            for (int i = 0; i < s.rows(); i++) {
                List<Object> values = new ArrayList<>(outputs + 8);
                values.add(rows.get(i).id());
                values.add(s.predicted()[i]);
                values.add(scorer.classNames().get((int) s.predicted()[i]));
                for (int k = 0; k < outputs; k++) {
                    values.add(s.scores()[i * outputs + k]);
                }
                values.add(s.gaps()[i]);
                if (s.margins() != null) {
                    values.add(batch.labels()[i]);
                    values.add(s.margins()[i]);
                    values.add(s.losses()[i]);
                    values.add(s.losses()[i] > 0);
                }
                out.add(RowFactory.create(values.toArray()));
            }
            return out;
        }
    }
}
