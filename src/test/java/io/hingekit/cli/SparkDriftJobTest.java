package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.files.NpyMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark drift} in {@code local[2]} against {@code drift} on the same rows: margins rounded to a coarse grid
 * (many ties, to check the KS tie handling of the distributed walk), a model directory's saved reference with its
 * config's drift section, the exact (both sizes at most 10,000) and the asymptotic p-value paths, signed margins
 * and gaps; and the bad inputs it must refuse before writing anything.
 */
@Timeout(300)
class SparkDriftJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StructType LABELLED = DataTypes.createStructType(List.of(
            DataTypes.createStructField("row", DataTypes.LongType, false),
            DataTypes.createStructField("predicted", DataTypes.LongType, false),
            DataTypes.createStructField("gap", DataTypes.DoubleType, false),
            DataTypes.createStructField("label", DataTypes.IntegerType, false),
            DataTypes.createStructField("margin", DataTypes.DoubleType, false),
            DataTypes.createStructField("hinge_loss", DataTypes.DoubleType, false)));

    @TempDir
    static Path tmp;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("spark-drift-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "5").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Scored rows: class, gap, label, margin on a grid of {@code step} (ties), hinge loss. */
    private static List<double[]> scores(int n, double shift, double step, long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(3);
            double margin = Math.round((0.8 + 0.2 * label + shift + random.nextGaussian()) / step) * step;
            double gap = Math.round((Math.abs(margin) + 0.3 * random.nextDouble()) / step) * step;
            int predicted = margin > 0 ? label : (label + 1) % 3;
            rows.add(new double[] {predicted, gap, label, margin, Math.max(0, 1 - margin)});
        }
        return rows;
    }

    /** The rows as score writes them (CSV; labelled or not) and as a Parquet table of the same doubles. */
    private static Path[] write(String name, List<double[]> rows, boolean labelled) throws IOException {
        StringBuilder csv = new StringBuilder(labelled ? "row,predicted,gap,label,margin,hinge_loss\n"
                : "row,predicted,gap\n");
        List<Row> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            csv.append(i).append(',').append((int) r[0]).append(',').append(r[1]);
            if (labelled) {
                csv.append(',').append((int) r[2]).append(',').append(r[3]).append(',').append(r[4]);
            }
            csv.append('\n');
            table.add(RowFactory.create((long) i, (long) r[0], r[1], (int) r[2], r[3], r[4]));
        }
        Path file = Files.writeString(tmp.resolve(name + ".csv"), csv);
        Path parquet = tmp.resolve(name + ".parquet");
        var frame = spark.createDataFrame(table, LABELLED).repartition(3);
        (labelled ? frame : frame.select("row", "predicted", "gap")).write().parquet(parquet.toString());
        return new Path[] {file, parquet};
    }

    /** A model directory holding only what drift reads: saved validation margins and a config's drift section. */
    private static Path model(List<double[]> rows, String config) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("model"));
        float[] values = new float[rows.size() * 4];
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            values[4 * i] = (float) r[2];
            values[4 * i + 1] = (float) r[0];
            values[4 * i + 2] = (float) r[3];
            values[4 * i + 3] = (float) r[1];
        }
        new NpyMatrix(rows.size(), 4, values).write(dir.resolve("reference-margins.npy"));
        Files.writeString(dir.resolve("config.yaml"), config);
        Files.writeString(dir.resolve("model-info.json"), "{}");
        return dir;
    }

    private static CliRun spark(String... args) {
        return SparkRuns.spark(withDrift(args));
    }

    private static String[] withDrift(String... args) {
        List<String> all = new ArrayList<>(List.of("drift"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void driftEqualsTheSingleMachineDriftWithTiesAndAModelReference() throws IOException {
        Path reference = model(scores(500, 0, 0.25, 1), """
                name: drift-reference
                data: {source: blobs, blobs: {samples: 300, features: 4, classes: 3}}
                model: {type: mlp, hidden: [8]}
                loss: {type: multiclass-hinge}
                drift: {byClass: true, correction: benjamini-hochberg}
                """);
        Path[] current = write("shifted", scores(350, 0.4, 0.25, 2), true);
        Path out = tmp.resolve("drift.json");
        CliRun distributed = spark("--reference", reference.toString(), "--current", current[1].toString(), "--out",
                out.toString());
        CliRun local = CliRun.of(new Main(), "drift", "--reference", reference.toString(), "--current",
                current[0].toString(), "--json");
        assertEquals(Main.EXIT_DRIFT, local.exitCode(), local.err());
        assertEquals(Main.EXIT_DRIFT, distributed.exitCode(), distributed.err());
        JsonNode want = JSON.readTree(local.out());
        JsonNode got = JSON.readTree(distributed.out());
        assertReportsEqual(want, got);
        assertEquals("signed_margin", got.get("quantity").asText());
        assertEquals("benjamini-hochberg", got.get("correction").asText());
        assertEquals(3, got.get("per_class").size());
        assertEquals("exact", got.get("overall").get("ks_method").asText());
        assertEquals(got, JSON.readTree(out.toFile()));
    }

    @Test
    void theAsymptoticPathAndGapsAgreeWithoutDrift() throws IOException {
        Path[] reference = write("reference-large", scores(12_000, 0, 0.01, 3), true);
        Path[] current = write("current-large", scores(10_001, 0, 0.01, 4), false);
        CliRun distributed = spark("--reference", reference[1].toString(), "--current", current[1].toString(),
                "--by-class", "--correction", "bonferroni", "--max-wasserstein", "0.5");
        CliRun local = CliRun.of(new Main(), "drift", "--reference", reference[0].toString(), "--current",
                current[0].toString(), "--by-class", "--correction", "bonferroni", "--max-wasserstein", "0.5",
                "--json");
        assertEquals(0, local.exitCode(), local.err());
        assertEquals(0, distributed.exitCode(), distributed.err());
        JsonNode got = JSON.readTree(distributed.out());
        assertReportsEqual(JSON.readTree(local.out()), got);
        assertEquals("gap", got.get("quantity").asText());
        assertEquals("asymptotic", got.get("overall").get("ks_method").asText());
    }

    private static void assertReportsEqual(JsonNode want, JsonNode got) {
        for (String field : List.of("quantity", "alpha", "max_psi", "max_wasserstein", "correction", "drift")) {
            assertEquals(want.get(field), got.get(field), field);
        }
        assertEquals(want.get("reasons").size(), got.get("reasons").size(), got.get("reasons").toString());
        assertGroupEqual("overall", want.get("overall"), got.get("overall"));
        if (want.has("per_class")) {
            assertEquals(want.get("per_class").size(), got.get("per_class").size());
            want.get("per_class").fieldNames().forEachRemaining(c -> assertGroupEqual("class " + c,
                    want.get("per_class").get(c), got.get("per_class").get(c)));
        }
    }

    private static void assertGroupEqual(String group, JsonNode want, JsonNode got) {
        for (String field : List.of("reference_count", "current_count", "ks_method")) {
            assertEquals(want.get(field), got.get(field), group + " " + field);
        }
        assertEquals(want.get("ks_statistic").asDouble(), got.get("ks_statistic").asDouble(), 1e-12, group);
        for (String field : List.of("ks_pvalue", "ks_pvalue_adjusted", "wasserstein", "psi")) {
            if (want.has(field)) {
                double w = want.get(field).asDouble();
                assertEquals(w, got.get(field).asDouble(), 1e-9 * Math.abs(w) + 1e-300, group + " " + field);
            }
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path[] good = write("good", scores(50, 0, 0.25, 5), true);
        spark.read().parquet(good[1].toString()).drop("gap").write().parquet(tmp.resolve("nogap.parquet").toString());
        spark.read().parquet(good[1].toString()).limit(0).write().parquet(tmp.resolve("empty.parquet").toString());
        expectRefused("has no column 'gap'", "--reference", good[1].toString(), "--current",
                tmp.resolve("nogap.parquet").toString());
        expectRefused("holds no scored rows", "--reference", good[1].toString(), "--current",
                tmp.resolve("empty.parquet").toString());
        expectRefused("--input-format must be parquet or csv", "--reference", good[1].toString(), "--current",
                good[1].toString(), "--input-format", "orc");
    }

    private static void expectRefused(String message, String... args) throws IOException {
        SparkRuns.expectRefused(tmp.resolve("refused-" + Math.abs(String.join(" ", args).hashCode()) + ".json"),
                message, withDrift(args));
    }
}
