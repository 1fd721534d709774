package io.hingekit.spark;

import io.hingekit.inference.Scorer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spark score}: a classifier's scores of every row of a table, written as Parquet, partition by partition. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a table (Parquet or CSV) with a classifier on Spark: the columns score writes (id,"
                + " class, scores, gap; with labels margin, hinge loss, violation), as Parquet.")
public final class ScoreJob implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model directory (any Hadoop path)")
    private String model;

    @Option(names = "--out", required = true, description = "the Parquet output directory (any Hadoop path)")
    private String out;

    @Option(names = "--overwrite", description = "replace an existing --out once the job succeeded")
    private boolean overwrite;

    @Mixin
    private TableOptions table;

    @Mixin
    private SparkOptions spark;

    @Spec
    private CommandSpec spec;

    /** Creates the job; picocli fills in the options. */
    public ScoreJob() {}

    @Override
    public Integer call() throws Exception {
        if (table.input == null) {
            throw new IllegalArgumentException("--input is required");
        }
        long started = System.nanoTime();
        SparkSession session = Sessions.open("score", spark);
        Scorer scorer = LoadedModels.scorer(model, spark.device); // the driver checks the model before any job
        StagedOutput output = StagedOutput.prepare(out, session.sparkContext(), overwrite);
        Dataset<Row> input = Tables.read(session, table.input, table.format);
        TableColumns columns = TableColumns.resolve(input.schema(), table.names(), scorer.classNames(),
                scorer.featureCount(), table.pixelScale);
        ScorePartitions job = new ScorePartitions(model, spark.device, columns, spark.batchSize);
        try {
            output.commit(() -> session.createDataFrame(input.queryExecution().toRdd().toJavaRDD().mapPartitions(job),
                    job.schema(input.schema(), scorer.task().outputs())).write().parquet(output.staging()));
        } catch (Exception e) {
            throw Failures.named("spark score failed", e);
        }
        long rows = session.read().parquet(output.target()).count();
        PrintWriter console = spec.commandLine().getOut();
        console.printf("scored %d rows in %.1fs -> %s%n", rows, (System.nanoTime() - started) / 1e9,
                output.target());
        console.flush();
        return 0;
    }
}
