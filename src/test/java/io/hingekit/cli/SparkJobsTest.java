package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
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
 * The Spark jobs in {@code local[2]} against the single-machine commands run in the same test on the same rows: a
 * scaled CSV classifier for {@code score} and {@code report}, the embedding test config for {@code export}; and the
 * bad inputs each job must refuse before anything appears under the final path. One Spark session for the class.
 */
@Timeout(300)
class SparkJobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[][] CENTRES = {{0, 0, 0, 0}, {3, 1, 0, 2}, {0, 3, 2, 0}};
    private static final double[] RANGES = {1, 100, 0.01, 5};
    private static final StructType TABLE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.LongType, false),
            DataTypes.createStructField("features", DataTypes.createArrayType(DataTypes.FloatType), true),
            DataTypes.createStructField("label", DataTypes.IntegerType, false)));

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path classifier;
    private static Path embedding;
    private static List<float[]> rows;
    private static List<Integer> labels;

    @BeforeAll
    static void trainAndStart() throws IOException {
        Random random = new Random(11);
        writeCsv(tmp.resolve("train.csv"), 600, random);
        writeCsv(tmp.resolve("test.csv"), 200, random);
        classifier = tmp.resolve("classifier");
        train(Files.writeString(tmp.resolve("classifier.yaml"), """
                name: sparkcsv
                seed: 3
                data:
                  source: csv
                  csv: {train: %s, test: %s, labelColumn: label}
                  validationFraction: 0.2
                  normalize: standard
                model: {type: mlp, hidden: [8]}
                loss: {type: multiclass-hinge}
                optimizer: {type: sgd, learningRate: 0.05, momentum: 0.9}
                training: {batchSize: 32, epochs: 3}
                """.formatted(tmp.resolve("train.csv"), tmp.resolve("test.csv"))), classifier);
        embedding = tmp.resolve("embedding");
        train(Path.of("src/test/resources/configs/embedding.yaml"), embedding);
        rows = new ArrayList<>();
        labels = new ArrayList<>();
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 300; i++) {
            int y = random.nextInt(3);
            float[] row = new float[4];
            for (int f = 0; f < 4; f++) {
                row[f] = (float) ((CENTRES[y][f] + 1.3 * random.nextGaussian()) * RANGES[f]);
                csv.append(row[f]).append(',');
            }
            csv.append(y).append('\n');
            rows.add(row);
            labels.add(y);
        }
        Files.writeString(tmp.resolve("rows.csv"), csv);
        spark = SparkSession.builder().master("local[2]").appName("spark-jobs-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        table(rows, 3).write().parquet(tmp.resolve("rows.parquet").toString());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static void train(Path config, Path out) {
        CliRun run = CliRun.of(new Main(), "train", "--config", config.toString(), "--out", out.toString(),
                "--device", "cpu", "--no-tensorboard");
        assertEquals(0, run.exitCode(), run.err());
    }

    private static void writeCsv(Path file, int count, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < count; i++) {
            int y = random.nextInt(3);
            for (int f = 0; f < 4; f++) {
                csv.append((CENTRES[y][f] + random.nextGaussian()) * RANGES[f]).append(',');
            }
            csv.append(y).append('\n');
        }
        Files.writeString(file, csv);
    }

    /** The rows as a table (id, features array&lt;float&gt;, label), in {@code partitions} partitions. */
    private static Dataset<Row> table(List<float[]> features, int partitions) {
        List<Row> table = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Float[] boxed = new Float[features.get(i).length];
            for (int f = 0; f < boxed.length; f++) {
                boxed[f] = features.get(i)[f];
            }
            table.add(RowFactory.create((long) i, boxed, labels.get(i % labels.size())));
        }
        return spark.createDataFrame(table, TABLE).repartition(partitions);
    }

    private static CliRun spark(String... args) {
        return SparkRuns.spark(args);
    }

    private static List<String[]> csvLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(line -> line.split(",")).toList();
    }

    @Test
    void scoreEqualsTheSingleMachineScoreRowByRow() throws IOException {
        Path single = tmp.resolve("single-scores.csv");
        CliRun local = CliRun.of(new Main(), "score", "--model", classifier.toString(), "--input",
                tmp.resolve("rows.csv").toString(), "--out", single.toString(), "--device", "cpu");
        assertEquals(0, local.exitCode(), local.err());
        Path out = tmp.resolve("spark-scores");
        CliRun run = spark("score", "--model", classifier.toString(), "--input",
                tmp.resolve("rows.parquet").toString(), "--out", out.toString(), "--batch-size", "16");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("scored 300 rows"), run.out());

        List<Row> scored = spark.read().parquet(out.toString()).orderBy("id").collectAsList();
        List<String[]> expected = csvLines(single); // row,predicted,predicted_name,score_0..2,gap,label,margin,loss,v
        assertEquals(300, scored.size());
        int changedByScaling = 0;
        for (int i = 0; i < 300; i++) {
            Row row = scored.get(i);
            String[] want = expected.get(i);
            assertEquals((long) i, row.getLong(row.fieldIndex("id")));
            assertEquals(Long.parseLong(want[1]), row.getLong(row.fieldIndex("predicted")), "class of row " + i);
            assertEquals(want[2], row.getString(row.fieldIndex("predicted_name")));
            for (int k = 0; k < 3; k++) {
                assertEquals(Float.parseFloat(want[3 + k]), row.getFloat(row.fieldIndex("score_" + k)), 1e-5);
            }
            assertEquals(Float.parseFloat(want[6]), row.getFloat(row.fieldIndex("gap")), 1e-5);
            assertEquals(Integer.parseInt(want[7]), row.getInt(row.fieldIndex("label")));
            assertEquals(Float.parseFloat(want[8]), row.getFloat(row.fieldIndex("margin")), 1e-5);
            assertEquals(Float.parseFloat(want[9]), row.getFloat(row.fieldIndex("hinge_loss")), 1e-5);
            assertEquals(want[10].equals("1"), row.getBoolean(row.fieldIndex("violation")));
            changedByScaling += Math.abs(Float.parseFloat(want[3])) > 1e-3 ? 1 : 0;
        }
        assertTrue(changedByScaling > 0);

        // report: the same figures as the single-machine report of the same scores
        CliRun report = spark("report", "--model", classifier.toString(), "--scores", out.toString());
        assertEquals(0, report.exitCode(), report.err());
        CliRun localReport = CliRun.of(new Main(), "report", "--model", classifier.toString(), "--scores",
                single.toString(), "--json");
        assertEquals(0, localReport.exitCode(), localReport.err());
        assertReportsEqual(JSON.readTree(localReport.out()), JSON.readTree(report.out()), expected);
    }

    /**
     * Counts exactly; means and rates against double sums of the scores file to 1e-9 relative (and against the
     * single-machine float32 means to 1e-6); quantiles exact (both sort and interpolate the same float values).
     */
    private static void assertReportsEqual(JsonNode local, JsonNode distributed, List<String[]> scores) {
        assertEquals(local.get("count"), distributed.get("count"));
        assertEquals(local.get("support_vectors"), distributed.get("support_vectors"));
        assertEquals(local.get("confusion"), distributed.get("confusion"));
        double loss = 0;
        double violations = 0;
        double right = 0;
        for (String[] row : scores) {
            loss += Float.parseFloat(row[9]);
            violations += Float.parseFloat(row[9]) > 0 ? 1 : 0;
            right += row[1].equals(row[7]) ? 1 : 0;
        }
        assertEquals(loss / scores.size(), distributed.get("loss").asDouble(), 1e-9 * loss / scores.size());
        assertEquals(violations / scores.size(), distributed.get("violation_rate").asDouble(), 1e-12);
        assertEquals(right / scores.size(), distributed.get("accuracy").asDouble(), 1e-12);
        for (String field : List.of("loss", "accuracy", "violation_rate", "tail_ratio")) {
            assertEquals(local.get(field).asDouble(), distributed.get(field).asDouble(),
                    1e-6 * Math.max(1, Math.abs(local.get(field).asDouble())), field);
        }
        for (String field : List.of("loss_quantiles", "margin_quantiles")) {
            local.get(field).fieldNames().forEachRemaining(p -> assertEquals(local.get(field).get(p).asDouble(),
                    distributed.get(field).get(p).asDouble(), 1e-12, field + " " + p));
        }
        local.get("per_class").fieldNames().forEachRemaining(c -> {
            JsonNode want = local.get("per_class").get(c);
            JsonNode got = distributed.get("per_class").get(c);
            assertEquals(want.get("count"), got.get("count"), c);
            assertEquals(want.get("loss").asDouble(), got.get("loss").asDouble(), 1e-6, c);
            assertEquals(want.get("violation_rate").asDouble(), got.get("violation_rate").asDouble(), 1e-6, c);
        });
    }

    @Test
    void exportEqualsTheSingleMachineExportAfterSortingById() throws IOException {
        Path single = tmp.resolve("single-export");
        CliRun local = CliRun.of(new Main(), "export", "--model", embedding.toString(), "--format", "jsonl", "--out",
                single.toString(), "--device", "cpu");
        assertEquals(0, local.exitCode(), local.err());
        Path out = tmp.resolve("spark-export");
        CliRun run = spark("export", "--model", embedding.toString(), "--split", "test", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());

        List<JsonNode> want = new ArrayList<>();
        for (String line : Files.readAllLines(single.resolve("embeddings.jsonl"))) {
            want.add(JSON.readTree(line));
        }
        want.sort(Comparator.comparingLong(node -> node.get("id").asLong()));
        List<Row> got = spark.read().parquet(out.resolve("vectors").toString()).orderBy("id").collectAsList();
        assertEquals(want.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(want.get(i).get("id").asLong(), got.get(i).getLong(0));
            assertEquals(want.get(i).get("label").asInt(), got.get(i).getInt(1));
            List<Object> vector = got.get(i).getList(2);
            assertEquals(want.get(i).get("vector").size(), vector.size());
            for (int j = 0; j < vector.size(); j++) {
                assertEquals(want.get(i).get("vector").get(j).asDouble(), ((Float) vector.get(j)).doubleValue(),
                        1e-5);
            }
        }
        JsonNode wantManifest = JSON.readTree(single.resolve("manifest.json").toFile());
        JsonNode gotManifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("parquet", gotManifest.get("format").asText());
        for (String field : List.of("manifestVersion", "parameterChecksum", "config", "source", "count", "dimension",
                "distance", "normalized", "labelNames")) {
            assertEquals(wantManifest.get(field), gotManifest.get(field), field);
        }
    }

    @Test
    void badInputFailsWithAMessageAndLeavesNothingUnderTheOutput() throws IOException {
        List<float[]> shortRows = new ArrayList<>(rows.subList(0, 10));
        shortRows.set(7, new float[] {1, 2, 3});
        table(shortRows, 2).write().parquet(tmp.resolve("short.parquet").toString());
        List<float[]> nanRows = new ArrayList<>(rows.subList(0, 10));
        nanRows.set(4, new float[] {1, Float.NaN, 3, 4});
        table(nanRows, 2).write().parquet(tmp.resolve("nan.parquet").toString());
        table(rows.subList(0, 10), 1).drop("id").write().parquet(tmp.resolve("noid.parquet").toString());
        String input = tmp.resolve("rows.parquet").toString();
        expectRefused("no id column 'id'", "score", "--model", classifier.toString(), "--input",
                tmp.resolve("noid.parquet").toString());
        expectRefused("the features vector has 3 values, the model takes 4", "score", "--model",
                classifier.toString(), "--input", tmp.resolve("short.parquet").toString());
        expectRefused("feature 1 is NaN", "score", "--model", classifier.toString(), "--input",
                tmp.resolve("nan.parquet").toString());
        expectRefused("is a classifier", "export", "--model", classifier.toString(), "--input", input);
        expectRefused("not a Hingekit model directory", "score", "--model", tmp.resolve("nowhere").toString(),
                "--input", input);
    }

    private void expectRefused(String message, String... args) throws IOException {
        SparkRuns.expectRefused(tmp.resolve("refused-" + Math.abs(String.join(" ", args).hashCode())), message, args);
    }
}
