package io.hingekit.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.metrics.MarginReport;
import io.hingekit.model.ModelDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spark report}: the margin report of a labelled table of scores ({@code spark score}'s Parquet, or a CSV
 * that {@code score} wrote), aggregated by Spark: counts, means and rates exact (double sums), quantiles exact by a
 * distributed sort ({@link ExactQuantiles}); the JSON has the fields of {@code report --scores ... --json}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Margin report of a labelled scores table (spark score's Parquet or score's CSV) on Spark;"
                + " prints the JSON of report --json.")
public final class ReportJob implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "the model that scored the table (any Hadoop path)")
    private String model;

    @Option(names = "--scores", required = true, description = "the scores: Parquet, or CSV with a header")
    private String scores;

    @Option(names = "--input-format", description = "parquet or csv (default: by the extension, else parquet)")
    private String format;

    @Mixin
    private SparkOptions spark;

    @Spec
    private CommandSpec spec;

    /** Creates the job; picocli fills in the options. */
    public ReportJob() {}

    @Override
    public Integer call() throws Exception {
        SparkSession session = Sessions.open("report", spark);
        Path local = ModelFiles.local(model);
        ModelDirectory dir = new ModelDirectory(local).requireTrained();
        RunConfig config = RunConfigs.read(dir.config());
        List<String> classNames = dir.readInfo().classNames();
        Dataset<Row> table = Tables.read(session, scores, format);
        for (String column : List.of("label", "predicted", "margin", "hinge_loss")) {
            if (!Arrays.asList(table.schema().fieldNames()).contains(column)) {
                throw new IllegalArgumentException(scores + " has no column '" + column + "': score a labelled input"
                        + " to get its report");
            }
        }
        MarginReport report;
        try {
            report = report(table.select("label", "predicted", "margin", "hinge_loss").cache(), classNames.size(),
                    config.training().tailThreshold(), config.loss().margin());
        } catch (Exception e) {
            throw Failures.named("spark report failed", e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("split", scores);
        json.putAll(report.toMap(classNames));
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(json));
        out.flush();
        return 0;
    }

    /**
     * Aggregates the report.
     *
     * @param table label, predicted, margin and hinge_loss per row
     * @param classes the number of classes
     * @param tailThreshold the tail threshold
     * @param lossMargin the loss's margin (support vectors: signed margin at most it, compared in float32)
     * @return the report, without per-sample arrays
     */
    static MarginReport report(Dataset<Row> table, int classes, double tailThreshold, double lossMargin) {
        Column violated = when(col("hinge_loss").gt(0), 1).otherwise(0);
        Row all = table.agg(count(lit(1)), avg("hinge_loss"),
                avg(when(col("predicted").equalTo(col("label")), 1).otherwise(0)), avg(violated),
                avg(when(col("hinge_loss").gt(tailThreshold), 1).otherwise(0)),
                sum(when(col("margin").leq(lit((float) lossMargin)), 1).otherwise(0))).first();
        long n = all.getLong(0);
        if (n == 0) {
            throw new IllegalArgumentException("the scores table has no rows");
        }
        long[] counts = new long[classes];
        float[] perClassLoss = new float[classes];
        float[] perClassViolations = new float[classes];
        Arrays.fill(perClassLoss, Float.NaN);
        Arrays.fill(perClassViolations, Float.NaN);
        for (Row row : table.groupBy("label").agg(count(lit(1)), avg("hinge_loss"), avg(violated)).collectAsList()) {
            int c = classIndex(row.get(0), classes);
            counts[c] = row.getLong(1);
            perClassLoss[c] = (float) row.getDouble(2);
            perClassViolations[c] = (float) row.getDouble(3);
        }
        long[][] confusion = new long[classes][classes];
        for (Row row : table.groupBy("label", "predicted").count().collectAsList()) {
            confusion[classIndex(row.get(0), classes)][classIndex(row.get(1), classes)] = row.getLong(2);
        }
        return new MarginReport(n, all.getDouble(1), all.getDouble(2), all.getDouble(3), tailThreshold,
                all.getDouble(4), perClassLoss, new float[0], new float[0], lossMargin, all.getLong(5), counts,
                perClassViolations, confusion, ExactQuantiles.of(table, "hinge_loss", n, MarginReport.QUANTILES),
                ExactQuantiles.of(table, "margin", n, MarginReport.QUANTILES));
    }

    private static int classIndex(Object value, int classes) {
        if (!(value instanceof Number number) || number.intValue() < 0 || number.intValue() >= classes) {
            throw new IllegalArgumentException("class " + value + " is outside 0.." + (classes - 1));
        }
        return number.intValue();
    }
}
