package io.hingekit.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibratorTest {

    /** The bar against scikit-learn's probabilities. */
    private static final double SKLEARN_TOLERANCE = 1e-3;

    /** Against the plain-Python Lin-Lin-Weng probabilities (same algorithm, so far tighter). */
    private static final double LLW_TOLERANCE = 1e-9;

    @Test
    void matchesScikitLearnWhereItsFitWorks() {
        int compared = 0;
        for (CalibrationFixture.Case c : CalibrationFixture.cases()) {
            if (c.sklearnBroken()) {
                continue;
            }
            double[][] p = Calibrator.fit(c.valScores(), c.valLabels()).probabilities(c.testScores());
            double worst = maxAbsDifference(c.sklearn().probabilities(), p);
            System.out.printf("Calibrator vs scikit-learn 1.2, case %s: max |dp| %.3g%n", c.name(), worst);
            assertTrue(worst <= SKLEARN_TOLERANCE, c.name() + ": max |p - p_sklearn| = " + worst);
            compared++;
        }
        assertEquals(7, compared, "cases compared with scikit-learn");
    }

    @Test
    void matchesPlainPythonLinLinWengOnEveryCase() {
        for (CalibrationFixture.Case c : CalibrationFixture.cases()) {
            Calibrator calibrator = Calibrator.fit(c.valScores(), c.valLabels());
            assertEquals(c.classes(), calibrator.classes(), c.name());
            assertEquals(c.scoreColumns(), calibrator.scoreColumns(), c.name());
            assertEquals(c.llw().sigmoids().size(), calibrator.sigmoids().size(), c.name());
            double worst = maxAbsDifference(c.llw().probabilities(), calibrator.probabilities(c.testScores()));
            assertTrue(worst <= LLW_TOLERANCE, c.name() + ": max |p - p_llw| = " + worst);
        }
    }

    /**
     * Scores of 1e3..1e5 (scikit-learn issue 26766): scikit-learn 1.2's BFGS fit returns its starting point
     * {@code a = 0, b = log((N- + 1)/(N+ + 1))}, a constant probability, and its Platt objective is far above the
     * optimum. The fixture records that answer; Hingekit is compared with the Lin-Lin-Weng reference instead.
     */
    @Test
    void largeScoresFollowLinLinWengWhereScikitLearnFailsSilently() {
        CalibrationFixture.Case c = CalibrationFixture.named("large");
        assertTrue(c.sklearnBroken(), "the fixture says scikit-learn 1.2 fits the large-score case");
        assertEquals(0.0, c.sklearn().sigmoids().get(0)[0], 0.0, "scikit-learn's slope stays at its start, 0");
        int negatives = (int) java.util.Arrays.stream(c.valLabels()).filter(y -> y != 1).count();
        int positives = c.valLabels().length - negatives;
        assertEquals(Math.log((negatives + 1.0) / (positives + 1.0)), c.sklearn().sigmoids().get(0)[1], 1e-12);
        assertTrue(c.sklearn().plattObjective()[0] > c.llw().plattObjective()[0] + 10.0,
                "scikit-learn's objective " + c.sklearn().plattObjective()[0] + " vs the optimum "
                        + c.llw().plattObjective()[0]);

        Calibrator calibrator = Calibrator.fit(c.valScores(), c.valLabels());
        double[][] p = calibrator.probabilities(c.testScores());
        assertTrue(maxAbsDifference(c.llw().probabilities(), p) <= SKLEARN_TOLERANCE);
        assertTrue(maxAbsDifference(c.llw().probabilities(), p) <= LLW_TOLERANCE);
        assertTrue(maxAbsDifference(c.sklearn().probabilities(), p) > 0.1, "differs from the broken answer");
        double[] expected = c.llw().sigmoids().get(0);
        assertEquals(expected[0], calibrator.sigmoids().get(0).a(), 1e-6);
        assertEquals(expected[1], calibrator.sigmoids().get(0).b(), 1e-6);
        assertTrue(calibrator.sigmoids().get(0).a() < 0);
    }

    /**
     * Hinge scores in [1, 2] with a few on the right side at 1e4..2e4: at the optimum {@code a * s + b} passes 5000
     * for them, far beyond {@code exp}'s range, so only the stable evaluation gets there. scikit-learn 1.2 stops at a
     * visibly worse point (its Platt objective is higher by more than 10); Hingekit is compared with the Lin-Lin-Weng
     * reference instead.
     */
    @Test
    void outlierScoresFollowLinLinWengWhereScikitLearnStopsShort() {
        CalibrationFixture.Case c = CalibrationFixture.named("outliers");
        assertTrue(c.sklearnBroken(), "the fixture says scikit-learn 1.2 fits the outlier case");
        assertTrue(c.sklearn().plattObjective()[0] > c.llw().plattObjective()[0] + 10.0,
                "scikit-learn's objective " + c.sklearn().plattObjective()[0] + " vs the optimum "
                        + c.llw().plattObjective()[0]);
        Calibrator calibrator = Calibrator.fit(c.valScores(), c.valLabels());
        Sigmoid s = calibrator.sigmoids().get(0);
        double[] expected = c.llw().sigmoids().get(0);
        assertEquals(expected[0], s.a(), 1e-6);
        assertEquals(expected[1], s.b(), 1e-6);
        double largest = 0;
        for (double[] row : c.valScores()) {
            largest = Math.max(largest, Math.abs(s.a() * row[0] + s.b()));
        }
        assertTrue(largest > 1000, "largest |a s + b| = " + largest);
        double[][] p = calibrator.probabilities(c.testScores());
        assertTrue(maxAbsDifference(c.llw().probabilities(), p) <= LLW_TOLERANCE);
    }

    @Test
    void binaryProbabilitiesAreOneMinusPAndP() {
        Sigmoid sigmoid = new Sigmoid(-1.5, 0.25);
        Calibrator one = Calibrator.of(new CalibrationModel(1, "platt", 2, 1, List.of(sigmoid)));
        double[] p = one.probabilities(new double[] {0.8});
        assertEquals(sigmoid.probability(0.8), p[1], 0.0);
        assertEquals(1.0 - sigmoid.probability(0.8), p[0], 0.0);
        Calibrator two = Calibrator.of(new CalibrationModel(1, "platt", 2, 2, List.of(sigmoid)));
        assertArrayEquals(p, two.probabilities(new double[] {-0.3, 0.5}), 0.0);
    }

    @Test
    void twoColumnModelIgnoresACommonShift() {
        CalibrationFixture.Case c = CalibrationFixture.named("two_column");
        double[][] shiftedVal = shifted(c.valScores(), 37.5);
        double[][] shiftedTest = shifted(c.testScores(), -12.0);
        double[][] p = Calibrator.fit(c.valScores(), c.valLabels()).probabilities(c.testScores());
        double[][] q = Calibrator.fit(shiftedVal, c.valLabels()).probabilities(shiftedTest);
        assertTrue(maxAbsDifference(p, q) < 1e-9);
    }

    @Test
    void multiclassRowsSumToOneAndFallBackToUniform() {
        CalibrationFixture.Case c = CalibrationFixture.named("multiclass10");
        for (double[] row : Calibrator.fit(c.valScores(), c.valLabels()).probabilities(c.testScores())) {
            assertEquals(1.0, Stream.of(row).flatMapToDouble(java.util.Arrays::stream).sum(), 1e-12);
        }
        // every sigmoid gives exactly 0 at s = -1e4: the row sum is 0 and the row is uniform
        Sigmoid s = new Sigmoid(-1.0, 0.0);
        Calibrator calibrator = Calibrator.of(new CalibrationModel(1, "platt", 3, 3, List.of(s, s, s)));
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                calibrator.probabilities(new double[] {-1e4, -2e4, -1e5}), 0.0);
        // one sigmoid at 0, the others not: normalised as usual
        assertArrayEquals(new double[] {0.0, 0.5, 0.5},
                calibrator.probabilities(new double[] {-1e4, 0.0, 0.0}), 1e-15);
    }

    @Test
    void jsonRoundTripKeepsEveryBit(@TempDir Path dir) throws IOException {
        CalibrationFixture.Case c = CalibrationFixture.named("multiclass3");
        Calibrator fitted = Calibrator.fit(c.valScores(), c.valLabels());
        Path file = dir.resolve("calibration.json");
        fitted.write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"method\" : \"platt\""), text);
        assertTrue(text.contains("\"classes\" : 3"), text);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        Calibrator read = Calibrator.read(file);
        assertEquals(fitted.toModel(), read.toModel());
        assertEquals(fitted.sigmoids(), Calibrator.fromJson(fitted.toJson()).sigmoids());
        double[][] expected = fitted.probabilities(c.testScores());
        double[][] actual = read.probabilities(c.testScores());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0);
        }
        // writing again replaces the file whole
        Calibrator binary = Calibrator.fit(CalibrationFixture.named("binary").valScores(),
                CalibrationFixture.named("binary").valLabels());
        binary.write(file);
        assertEquals(binary.toModel(), Calibrator.read(file).toModel());
    }

    @Test
    void readsTheDocumentedLayout() throws IOException {
        Calibrator c = Calibrator.fromJson("{\"version\":1,\"method\":\"platt\",\"classes\":2,\"scoreColumns\":1,"
                + "\"sigmoids\":[{\"a\":-2.0,\"b\":0.5}]}");
        assertEquals(List.of(new Sigmoid(-2.0, 0.5)), c.sigmoids());
        assertEquals(2, c.classes());
        assertEquals(1, c.scoreColumns());
    }

    @Test
    void rejectsInconsistentStoredModels() {
        IOException e = assertThrows(IOException.class, () -> Calibrator.fromJson(
                "{\"version\":1,\"method\":\"isotonic\",\"classes\":2,\"scoreColumns\":1,"
                        + "\"sigmoids\":[{\"a\":-2.0,\"b\":0.5}]}"));
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), e.toString());
        assertTrue(e.getCause().getMessage().contains("method must be \"platt\", got isotonic"));
        e = assertThrows(IOException.class, () -> Calibrator.fromJson(
                "{\"version\":1,\"method\":\"platt\",\"classes\":3,\"scoreColumns\":3,"
                        + "\"sigmoids\":[{\"a\":-2.0,\"b\":0.5}]}"));
        assertTrue(e.getCause().getMessage().contains("sigmoids must hold 3 sigmoids for scoreColumns 3, got 1"));
        Expect.rejects(IllegalArgumentException.class,
                () -> new CalibrationModel(1, "platt", 3, 2, List.of(new Sigmoid(-1, 0))),
                "classes must be 2 for scoreColumns 2, got 3");
        Expect.rejects(IllegalArgumentException.class,
                () -> new CalibrationModel(2, "platt", 2, 1, List.of(new Sigmoid(-1, 0))), "version must be 1, got 2");
    }

    @Test
    void rejectsBadFitInputs() {
        double[][] scores = {{0.1, 0.2, 0.3}, {0.3, 0.1, 0.0}, {0.0, 0.0, 1.0}};
        assertMessage("labels[2] must be in [0, 3), got 3", () -> Calibrator.fit(scores, new int[] {0, 1, 3}));
        assertMessage("labels[0] must be in [0, 3), got -1", () -> Calibrator.fit(scores, new int[] {-1, 1, 2}));
        assertMessage("labels has no sample of class 2 (of 3)", () -> Calibrator.fit(scores, new int[] {0, 1, 1}));
        assertMessage("labels must have one value per score row (3), got 2",
                () -> Calibrator.fit(scores, new int[] {0, 1}));
        assertMessage("scores[1] must hold 3 scores, got 2",
                () -> Calibrator.fit(new double[][] {{0, 1, 2}, {0, 1}, {2, 1, 0}}, new int[] {0, 1, 2}));
        assertMessage("scores[1][2] must be finite, got NaN",
                () -> Calibrator.fit(new double[][] {{0, 1, 2}, {0, 1, Double.NaN}, {2, 1, 0}}, new int[] {0, 1, 2}));
        assertMessage("scores must hold at least one row", () -> Calibrator.fit(new double[0][], new int[0]));
        assertMessage("labels[1] must be in [0, 2), got 2",
                () -> Calibrator.fit(new double[][] {{1}, {2}}, new int[] {0, 2}));
        assertMessage("labels has no sample of class 1 (of 2)",
                () -> Calibrator.fit(new double[][] {{1}, {2}}, new int[] {0, 0}));
        assertMessage("overflows", () -> Calibrator.fit(new double[][] {{-Double.MAX_VALUE, Double.MAX_VALUE},
                {0, 1}}, new int[] {0, 1}));
    }

    @Test
    void rejectsScoresOfTheWrongWidth() {
        CalibrationFixture.Case c = CalibrationFixture.named("multiclass3");
        Calibrator calibrator = Calibrator.fit(c.valScores(), c.valLabels());
        assertMessage("scores[0] must hold 3 scores, got 2", () -> calibrator.probabilities(new double[][] {{1, 2}}));
        assertMessage("scores[0][1] must be finite, got Infinity",
                () -> calibrator.probabilities(new double[] {1, Double.POSITIVE_INFINITY, 0}));
        assertFalse(calibrator.toString().isEmpty());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        Expect.rejects(IllegalArgumentException.class, call, expected);
    }

    private static double[][] shifted(double[][] scores, double shift) {
        double[][] out = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = new double[] {scores[i][0] + shift, scores[i][1] + shift};
        }
        return out;
    }

    static double maxAbsDifference(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, "rows");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, "columns of row " + i);
            for (int k = 0; k < expected[i].length; k++) {
                worst = Math.max(worst, Math.abs(expected[i][k] - actual[i][k]));
            }
        }
        return worst;
    }
}
