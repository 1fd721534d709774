package io.hingekit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hingekit.config.DriftConfig;
import io.hingekit.lifecycle.DriftService;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
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
 * {@code spark drift}: {@code drift} between a reference (a model's saved validation margins or a scores table) and
 * a current scores table, aggregated by Spark over any number of rows with {@link MergedCdfs} (exact: the same KS D,
 * p-values, PSI and Wasserstein distance as {@code drift} on the same rows). Prints the JSON of {@code drift --json},
 * optionally also written to {@code --out} (staged, then renamed); exit code 4 on drift, as {@code drift}.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare margin distributions on Spark (KS test, Wasserstein, PSI; per class with a"
                + " multiple-testing correction); prints the JSON of drift --json. Exit code " + DriftJob.EXIT_DRIFT
                + " when drift is found, 0 when not.")
public final class DriftJob implements Callable<Integer> {

    /** The exit code for drift found: the cli's, as {@code drift} returns it. */
    static final int EXIT_DRIFT = 4;

    @Option(names = "--reference", required = true, description = "a model directory (its saved validation margins)"
            + " or a scores table: spark score's Parquet or score's CSV (any Hadoop path)")
    private String reference;

    @Option(names = "--current", required = true, description = "a scores table: spark score's Parquet or score's"
            + " CSV (any Hadoop path)")
    private String current;

    @Option(names = "--input-format", description = "parquet or csv for both tables (default: by the extension,"
            + " else parquet)")
    private String format;

    @Option(names = "--by-class", description = "test each class too")
    private boolean byClass;

    @Option(names = "--correction", description = "per-class p-value correction: none, bonferroni (default),"
            + " benjamini-hochberg")
    private String correction;

    @Option(names = "--alpha", description = "KS significance level (default 0.01, or the reference model's)")
    private Double alpha;

    @Option(names = "--max-psi", description = "PSI threshold (default 0.2, or the reference model's)")
    private Double maxPsi;

    @Option(names = "--max-wasserstein", description = "Wasserstein threshold (default: none, or the reference"
            + " model's)")
    private Double maxWasserstein;

    @Option(names = "--out", description = "also write the JSON to this file (any Hadoop path)")
    private String out;

    @Option(names = "--overwrite", description = "replace an existing --out")
    private boolean overwrite;

    @Mixin
    private SparkOptions spark;

    @Spec
    private CommandSpec spec;

    /** Creates the job; picocli fills in the options. */
    public DriftJob() {}

    @Override
    public Integer call() throws Exception {
        SparkSession session = Sessions.open("drift", spark);
        StagedOutput output = out == null ? null
                : StagedOutput.prepare(out, session.sparkContext(), overwrite);
        MarginTables ref = MarginTables.read(session, reference, format);
        MarginTables cur = MarginTables.read(session, current, format);
        DriftConfig thresholds = (ref.model() != null ? DriftService.savedThresholds(ref.model())
                : DriftConfig.defaults()).overriddenBy(alpha, maxPsi, maxWasserstein, correction, byClass);
        boolean signed = ref.labelled() && cur.labelled();
        Map<String, Object> report;
        try {
            Dataset<Row> tagged = tagged(ref, signed, true).union(tagged(cur, signed, false));
            SortedMap<Integer, Map<String, Object>> statistics = MergedCdfs.statistics(thresholds.byClass()
                    ? tagged.withColumn("group", lit(-1)).union(tagged) : tagged.withColumn("group", lit(-1)));
            Map<String, Object> overall = statistics.remove(-1);
            report = DriftService.report(ref.source(), cur.source(), signed, overall,
                    thresholds.byClass() ? statistics : null, DriftService.Thresholds.of(thresholds));
        } catch (Exception e) {
            throw Failures.named("spark drift failed", e);
        }
        String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(report);
        if (output != null) {
            output.commit(() -> {
                try (OutputStream file = output.fileSystem().create(new Path(output.staging()), false)) {
                    file.write((json + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println(json);
        console.flush();
        return Boolean.TRUE.equals(report.get("drift")) ? EXIT_DRIFT : 0;
    }

    /**
     * The compared values of one side, checked: group (label when signed, else predicted), value (signed margin or
     * gap), and the side's count columns.
     */
    private static Dataset<Row> tagged(MarginTables side, boolean signed, boolean isReference) {
        Column group = col(signed ? "label" : "predicted");
        Column value = col(signed ? "margin" : "gap");
        Column bad = value.isNull().or(value.isNaN()).or(value.equalTo(Double.POSITIVE_INFINITY))
                .or(value.equalTo(Double.NEGATIVE_INFINITY)).or(group.isNull());
        Row checked = side.rows().agg(count(lit(1)), sum(when(bad, 1).otherwise(0))).first();
        if (checked.getLong(0) == 0) {
            throw new IllegalArgumentException(side.source() + " holds no scored rows");
        }
        if (!checked.isNullAt(1) && checked.getLong(1) > 0) {
            throw new IllegalArgumentException(side.source() + ": " + checked.getLong(1) + " rows without a finite "
                    + (signed ? "margin or a label" : "gap or a predicted class"));
        }
        // -0.0 and 0.0 are one value, as in drift's sorted walk
        return side.rows().select(group.as("group"), when(value.equalTo(0), lit(0.0)).otherwise(value).as("value"),
                lit(isReference ? 1L : 0L).as("ref"), lit(isReference ? 0L : 1L).as("cur"));
    }
}
