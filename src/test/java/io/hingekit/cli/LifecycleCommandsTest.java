package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.files.NpyMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lifecycle commands end to end on a small CSV classifier with features of very different ranges (so scaling
 * matters): train (gate, reports, reference margins), report, score, calibrate, drift and gate, with values checked
 * by hand from the files the commands write.
 */
class LifecycleCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[][] CENTRES = {{0, 0, 0, 0}, {3, 1, 0, 2}, {0, 3, 2, 0}};
    private static final double[] RANGES = {1, 100, 0.01, 5};

    @TempDir
    static Path tmp;

    private static Path model;

    @BeforeAll
    static void train() throws IOException {
        writeCsv(tmp.resolve("train.csv"), 900, 1.0, new Random(1));
        writeCsv(tmp.resolve("test.csv"), 300, 1.0, new Random(2));
        writeCsv(tmp.resolve("shifted.csv"), 300, 1.6, new Random(3));
        model = tmp.resolve("model");
        CliRun run = CliRun.of(new Main(), "train", "--config", config("maxViolationRate: 0.9").toString(), "--out",
                model.toString(), "--device", "cpu", "--no-tensorboard");
        assertEquals(0, run.exitCode(), run.err());
    }

    private static Path config(String gate) throws IOException {
        return Files.writeString(tmp.resolve("lc-" + Math.abs(gate.hashCode()) + ".yaml"), """
                name: lc
                seed: 3
                data:
                  source: csv
                  csv: {train: %s, test: %s, labelColumn: label}
                  validationFraction: 0.2
                  normalize: standard
                model: {type: linear}
                loss: {type: multiclass-hinge, variant: crammer-singer}
                optimizer: {type: sgd, learningRate: 0.05, momentum: 0.9}
                training: {batchSize: 32, epochs: 4}
                gate: {%s}
                """.formatted(tmp.resolve("train.csv"), tmp.resolve("test.csv"), gate));
    }

    private static void writeCsv(Path file, int rows, double scale, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < rows; i++) {
            int y = random.nextInt(3);
            for (int f = 0; f < 4; f++) {
                csv.append((CENTRES[y][f] + random.nextGaussian()) * RANGES[f] * scale).append(',');
            }
            csv.append(y).append('\n');
        }
        Files.writeString(file, csv);
    }

    @Test
    void trainWritesTheReportsTheReferenceMarginsAndTheScaling() throws IOException {
        JsonNode metrics = JSON.readTree(model.resolve("metrics.json").toFile());
        JsonNode reports = metrics.get("reports");
        for (String split : List.of("train", "validation", "test")) {
            assertEquals(metrics.get("final").get(split + "/loss").asDouble(), reports.get(split).get("loss").asDouble(),
                    split);
        }
        assertEquals(reports.get("validation").get("loss").asDouble() - reports.get("train").get("loss").asDouble(),
                metrics.get("train_validation_gap").asDouble(), 1e-12);
        JsonNode test = reports.get("test");
        long confused = 0;
        for (JsonNode row : test.get("confusion")) {
            for (JsonNode cell : row) {
                confused += cell.asLong();
            }
        }
        assertEquals(300, confused);
        assertEquals("standard", JSON.readTree(model.resolve("preprocessing.json").toFile()).get("method").asText());
        NpyMatrix reference = NpyMatrix.read(model.resolve("reference-margins.npy"));
        assertEquals(180, reference.rows(), "the validation split: 20% of 900");
        assertEquals("accepted", JSON.readTree(model.resolve("gate.json").toFile()).get("verdict").asText());
    }

    @Test
    void scoringTheTestFileGivesTheTrainingReportBitForBitAndRowsCheckByHand() throws IOException {
        Path scores = tmp.resolve("scores.csv");
        Path report = tmp.resolve("score-report.json");
        CliRun run = CliRun.of(new Main(), "score", "--model", model.toString(), "--input",
                tmp.resolve("test.csv").toString(), "--out", scores.toString(), "--report", report.toString(),
                "--device", "cpu", "--batch-size", "7");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode fromTraining = JSON.readTree(model.resolve("metrics.json").toFile()).get("reports").get("test");
        JsonNode fromScore = JSON.readTree(report.toFile());
        fromTraining.fieldNames().forEachRemaining(field -> assertEquals(fromTraining.get(field),
                fromScore.get(field), field));

        // the report of the scored file, from its columns alone, is the same report again
        CliRun fromFile = CliRun.of(new Main(), "report", "--model", model.toString(), "--scores", scores.toString(),
                "--json");
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        JsonNode ofFile = JSON.readTree(fromFile.out());
        fromTraining.fieldNames().forEachRemaining(field -> assertEquals(fromTraining.get(field), ofFile.get(field),
                field));

        List<String> lines = Files.readAllLines(scores);
        assertEquals("row,predicted,predicted_name,score_0,score_1,score_2,gap,label,margin,hinge_loss,violation",
                lines.get(0));
        assertEquals(301, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cell = line.split(",");
            float[] s = {Float.parseFloat(cell[3]), Float.parseFloat(cell[4]), Float.parseFloat(cell[5])};
            int label = Integer.parseInt(cell[7]);
            float[] sorted = s.clone();
            Arrays.sort(sorted);
            float otherMax = Float.NEGATIVE_INFINITY;
            int best = 0;
            for (int k = 0; k < 3; k++) {
                otherMax = k == label ? otherMax : Math.max(otherMax, s[k]);
                best = s[k] > s[best] ? k : best;
            }
            assertEquals(best, Integer.parseInt(cell[1]), line);
            assertEquals(sorted[2] - sorted[1], Float.parseFloat(cell[6]), 1e-5, line);
            float margin = s[label] - otherMax;
            assertEquals(margin, Float.parseFloat(cell[8]), 1e-5, line);
            // Crammer-Singer: max(0, 1 - margin)
            assertEquals(Math.max(0, 1 - margin), Float.parseFloat(cell[9]), 1e-5, line);
            assertEquals(margin < 1 ? "1" : "0", cell[10], line);
        }
    }

    @Test
    void calibratedProbabilitiesFollowTheSavedSigmoids() throws IOException {
        CliRun calibrate = CliRun.of(new Main(), "calibrate", "--model", model.toString(), "--device", "cpu");
        assertEquals(0, calibrate.exitCode(), calibrate.err());
        assertTrue(calibrate.out().contains("ECE"), calibrate.out());
        assertTrue(Files.size(model.resolve("reliability.png")) > 1000);
        Path scores = tmp.resolve("probabilities.jsonl");
        CliRun run = CliRun.of(new Main(), "score", "--model", model.toString(), "--input",
                tmp.resolve("test.csv").toString(), "--out", scores.toString(), "--probabilities", "--device", "cpu");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode sigmoids = JSON.readTree(model.resolve("calibration.json").toFile()).get("sigmoids");
        for (String line : Files.readAllLines(scores)) {
            JsonNode row = JSON.readTree(line);
            double[] p = new double[3];
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double a = sigmoids.get(k).get("a").asDouble();
                double b = sigmoids.get(k).get("b").asDouble();
                double score = row.get("score_" + k).floatValue(); // the float the calibrator saw
                p[k] = 1 / (1 + Math.exp(a * score + b));
                sum += p[k];
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(p[k] / sum, row.get("p_" + k).asDouble(), 1e-9, line);
            }
        }
    }

    @Test
    void driftComparesTheReferenceWithScoredFilesAndSaysSoInItsExitCode() throws IOException {
        Path shifted = tmp.resolve("shifted-scores.csv");
        assertEquals(0, CliRun.of(new Main(), "score", "--model", model.toString(), "--input",
                tmp.resolve("shifted.csv").toString(), "--out", shifted.toString(), "--device", "cpu").exitCode());
        CliRun drift = CliRun.of(new Main(), "drift", "--reference", model.toString(), "--current",
                shifted.toString(), "--by-class", "--json");
        assertEquals(Main.EXIT_DRIFT, drift.exitCode(), drift.err());
        JsonNode report = JSON.readTree(drift.out());
        assertEquals("signed_margin", report.get("quantity").asText());
        assertEquals(3, report.get("per_class").size());

        // the KS statistic by hand: the largest gap between the two empirical CDFs
        double[] reference = toDoubles(NpyMatrix.read(model.resolve("reference-margins.npy")).column(2));
        double[] current = Files.readAllLines(shifted).stream().skip(1)
                .mapToDouble(line -> Double.parseDouble(line.split(",")[8])).toArray();
        assertEquals(ksStatistic(reference, current), report.get("overall").get("ks_statistic").asDouble(), 1e-12);

        // thresholds from the reference model's drift section, flags over them
        Path lenient = tmp.resolve("lenient");
        copyModel(model, lenient);
        Files.writeString(lenient.resolve("config.yaml"), "drift: {alpha: 1.0e-300, maxPsi: 1000}\n",
                StandardOpenOption.APPEND);
        assertEquals(0, CliRun.of(new Main(), "drift", "--reference", lenient.toString(), "--current",
                shifted.toString()).exitCode());
        assertEquals(Main.EXIT_DRIFT, CliRun.of(new Main(), "drift", "--reference", lenient.toString(), "--current",
                shifted.toString(), "--max-psi", "0.01").exitCode());
    }

    @Test
    void aFailingGateRejectsTheModelButKeepsIt() throws IOException {
        Path rejected = tmp.resolve("rejected");
        CliRun run = CliRun.of(new Main(), "train", "--config", config("minAccuracy: 0.9999").toString(), "--out",
                rejected.toString(), "--device", "cpu", "--no-tensorboard");
        assertEquals(Main.EXIT_REJECTED, run.exitCode(), run.err());
        JsonNode gate = JSON.readTree(rejected.resolve("gate.json").toFile());
        assertEquals("rejected", gate.get("verdict").asText());
        assertEquals("validation/accuracy", gate.get("checks").get(0).get("metric").asText());
        assertFalse(gate.get("checks").get(0).get("passed").asBoolean());
        assertTrue(Files.isRegularFile(rejected.resolve("model.params")));
        assertEquals(Main.EXIT_REJECTED, CliRun.of(new Main(), "gate", "--model", rejected.toString(), "--device",
                "cpu").exitCode());
        expectBadInput("--probabilities needs", "score", "--model", rejected.toString(), "--input",
                tmp.resolve("test.csv").toString(), "--probabilities", "--device", "cpu");
        assertEquals(0, CliRun.of(new Main(), "gate", "--model", model.toString(), "--baseline",
                model.toString(), "--device", "cpu").exitCode());
    }

    @Test
    void badScoringInputIsNamedAndLeavesNoOutput() throws IOException {
        Path out = tmp.resolve("bad-out.csv");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"a,b,c,label\n1,2,3,0\n", "has 3 feature columns besides the label, the model takes 4"});
        cases.add(new String[] {"a,b,c,d,label\n1,2,3,4,0\n1,2,NaN,4,0\n", "line 3, column 'c': NaN or infinite"});
        cases.add(new String[] {"a,b,c,d,label\n1,2,x,4,0\n", "line 2, column 'c': not a number: 'x'"});
        cases.add(new String[] {"a,b,c,d,label\n1,2,3,4,7\n", "line 2: unknown label '7'"});
        cases.add(new String[] {"a,b,c,d,label\n1,2,3,4\n", "line 2: 4 fields, the header has 5"});
        for (String[] c : cases) {
            Path input = Files.writeString(tmp.resolve("bad.csv"), c[0]);
            CliRun run = CliRun.of(new Main(), "score", "--model", model.toString(), "--input", input.toString(),
                    "--out", out.toString(), "--device", "cpu");
            assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
            assertTrue(run.err().contains(c[1]), run.err());
            assertTrue(run.err().contains(input.toString()), run.err());
            assertTrue(run.errIsClean(), run.err());
            assertFalse(Files.exists(out), "no partial output for " + c[1]);
        }
        CliRun noGap = CliRun.of(new Main(), "drift", "--reference", model.toString(), "--current",
                tmp.resolve("test.csv").toString());
        assertEquals(Main.EXIT_BAD_INPUT, noGap.exitCode());
        assertTrue(noGap.err().contains("has no column 'predicted'"), noGap.err());
        expectBadInput("--alpha must be in (0, 1), got 1.5", "drift", "--reference", model.toString(), "--current",
                tmp.resolve("scores.csv").toString(), "--alpha", "1.5");
        expectBadInput("allowed: none, bonferroni, benjamini-hochberg", "drift", "--reference",
                model.toString(), "--current", model.toString(), "--correction", "holm");
        expectBadInput("has no reference-margins.npy", "drift", "--reference", tmp.toString(), "--current",
                model.toString());
        expectBadInput("--split must be train, validation or test, got 'dev'", "report", "--model", model.toString(),
                "--split", "dev", "--device", "cpu");
        expectBadInput("is not a Hingekit model directory", "report", "--model", tmp.toString(), "--device", "cpu");
        expectBadInput("--tolerance must be >= 0, got -1.0", "gate", "--model", model.toString(), "--tolerance", "-1");
        expectBadInput("unknown input format", "score", "--model", model.toString(), "--input",
                model.resolve("config.yaml").toString(), "--device", "cpu");
        CliRun method = CliRun.of(new Main(), "calibrate", "--model", model.toString(), "--method", "isotonic");
        assertEquals(Main.EXIT_BAD_INPUT, method.exitCode());
        assertTrue(method.err().contains("--method must be platt, got 'isotonic'"), method.err());
    }

    private static void expectBadInput(String message, String... args) {
        CliRun run = CliRun.of(new Main(), args);
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), String.join(" ", args) + "\n" + run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.errIsClean(), run.err());
    }

    private static void copyModel(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String file : List.of("config.yaml", "model-info.json", "model.params", "reference-margins.npy")) {
            Files.copy(from.resolve(file), to.resolve(file));
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** A plain loop over every observed value: max over x of |F_ref(x) - F_cur(x)|. */
    private static double ksStatistic(double[] a, double[] b) {
        double best = 0;
        for (double[] side : new double[][] {a, b}) {
            for (double x : side) {
                double fa = Arrays.stream(a).filter(v -> v <= x).count() / (double) a.length;
                double fb = Arrays.stream(b).filter(v -> v <= x).count() / (double) b.length;
                best = Math.max(best, Math.abs(fa - fb));
            }
        }
        return best;
    }

    @ParameterizedTest(name = "model.params cut to {0} bytes")
    @ValueSource(ints = {0, 4, 100, -1})
    void aTruncatedParameterFileIsNamed(int length) throws IOException {
        Path copy = copyOfModel("cut" + length);
        byte[] bytes = Files.readAllBytes(model.resolve("model.params"));
        Files.write(copy.resolve("model.params"), Arrays.copyOf(bytes, length < 0 ? bytes.length + length : length));
        assertReportRefused(copy, "is cut short");
    }

    @Test
    void aCorruptParameterFileIsNamed() throws IOException {
        Path copy = copyOfModel("corrupt");
        byte[] bytes = Files.readAllBytes(model.resolve("model.params"));
        bytes[30] ^= (byte) 0xff; // the layout of the first array's shape
        Files.write(copy.resolve("model.params"), bytes);
        assertReportRefused(copy, "is corrupt");
    }

    @Test
    void parametersOfAnotherNetworkAreNamed() throws IOException {
        Path copy = copyOfModel("other-network");
        String config = Files.readString(copy.resolve("config.yaml"));
        String mlp = config.replace("type: \"linear\"", "type: \"mlp\"");
        assertNotEquals(config, mlp, "the saved config names the linear network");
        Files.writeString(copy.resolve("config.yaml"), mlp);
        assertReportRefused(copy, "is cut short or written for another network");
    }

    @Test
    void parametersOfOtherShapesAreNamed() throws IOException {
        Path copy = copyOfModel("other-shapes");
        String info = Files.readString(copy.resolve("model-info.json"));
        String wider = info.replaceAll("\\[\\s*4\\s*]", "[5]");
        assertNotEquals(info, wider, "model-info.json names the 4 input features");
        Files.writeString(copy.resolve("model-info.json"), wider);
        String err = assertReportRefused(copy, "does not fit the network of the config: parameter ");
        assertTrue(err.contains("has shape (3, 4) in the file, the network needs (3, 5)"), err);
    }

    /**
     * Runs {@code report} on a damaged copy and checks that it is refused as bad input, naming the parameter file.
     *
     * @return standard error
     */
    private static String assertReportRefused(Path copy, String problem) {
        CliRun run = CliRun.of(new Main(), "report", "--model", copy.toString(), "--device", "cpu");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("hingekit report: error: " + copy.resolve("model.params") + " " + problem),
                run.err());
        assertTrue(run.errIsClean(), run.err());
        return run.err();
    }

    private static Path copyOfModel(String name) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("copies").resolve(name));
        for (String file : List.of("config.yaml", "model-info.json", "model.params", "preprocessing.json")) {
            Files.copy(model.resolve(file), copy.resolve(file));
        }
        return copy;
    }
}
