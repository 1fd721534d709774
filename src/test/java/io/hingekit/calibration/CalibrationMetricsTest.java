package io.hingekit.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hingekit.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {

    /** Against the plain NumPy-loop values of the fixture. */
    private static final double TOLERANCE = 1e-12;

    @Test
    void matchesPlainLoopsOnEveryFixtureCase() {
        for (CalibrationFixture.Case c : CalibrationFixture.cases()) {
            for (CalibrationFixture.Reference ref : List.of(c.sklearn(), c.llw())) {
                assertMatches(c.name(), ref.probabilities(), c.testLabels(), ref.metrics());
            }
        }
    }

    @Test
    void binsConfidencesOnTheEdgesByTheStatedRule() {
        JsonNode edges = CalibrationFixture.ROOT.get("bin_edges");
        assertMatches("bin_edges", CalibrationFixture.matrix(edges.get("probabilities")),
                CalibrationFixture.ints(edges.get("labels")), edges.get("metrics"));
    }

    @Test
    void binOfAnEdgeIsTheBinItCloses() {
        assertEquals(0, CalibrationMetrics.bin(0.0, 15));
        assertEquals(0, CalibrationMetrics.bin(1.0 / 15, 15));
        assertEquals(1, CalibrationMetrics.bin(Math.nextUp(1.0 / 15), 15));
        for (int i = 1; i <= 15; i++) {
            double edge = (double) i / 15;
            assertEquals(i - 1, CalibrationMetrics.bin(edge, 15), "edge " + i + "/15");
            if (i < 15) {
                assertEquals(i, CalibrationMetrics.bin(Math.nextUp(edge), 15), "just above " + i + "/15");
            }
            assertEquals(i - 1, CalibrationMetrics.bin(Math.nextDown(edge), 15), "just below " + i + "/15");
        }
        assertEquals(14, CalibrationMetrics.bin(1.0, 15));
        assertEquals(0, CalibrationMetrics.bin(0.7, 1));
    }

    @Test
    void brierOfOneHotTruthIsZeroAndOfUniformIsCMinusOneOverC() {
        int[] labels = {0, 2, 1, 2, 3};
        double[][] oneHot = new double[labels.length][4];
        double[][] uniform = new double[labels.length][4];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i][labels[i]] = 1.0;
            java.util.Arrays.fill(uniform[i], 0.25);
        }
        assertEquals(0.0, CalibrationMetrics.brierScore(oneHot, labels), 0.0);
        assertEquals(3.0 / 4.0, CalibrationMetrics.brierScore(uniform, labels), 1e-15);
        double[][] wrong = new double[labels.length][4];
        for (int i = 0; i < labels.length; i++) {
            wrong[i][(labels[i] + 1) % 4] = 1.0;
        }
        assertEquals(2.0, CalibrationMetrics.brierScore(wrong, labels), 0.0);
        // binary: (0.2 - 0)^2 + (0.8 - 1)^2 = 0.08 and (0.6 - 1)^2 + (0.4 - 0)^2 = 0.32
        assertEquals(0.2, CalibrationMetrics.brierScore(new double[][] {{0.2, 0.8}, {0.6, 0.4}}, new int[] {1, 0}),
                1e-15);
    }

    @Test
    void eceOfSmallHandCases() {
        int[] labels = {0, 2, 1, 2, 3};
        double[][] oneHot = new double[labels.length][4];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i][labels[i]] = 1.0;
        }
        assertEquals(0.0, CalibrationMetrics.expectedCalibrationError(oneHot, labels), 0.0);
        int[] shifted = {1, 0, 0, 0, 0};
        assertEquals(1.0, CalibrationMetrics.expectedCalibrationError(oneHot, shifted), 0.0);
        // confidences 0.9 (right), 0.8 (wrong), 0.7 (right) land in bins 13, 11, 10:
        // ECE = (|1 - 0.9| + |0 - 0.8| + |1 - 0.7|) / 3 = 0.4
        double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}};
        int[] y = {0, 1, 1};
        assertEquals(0.4, CalibrationMetrics.expectedCalibrationError(p, y), 1e-15);
        // one bin over everything: |2/3 - 0.8| = 2/15
        assertEquals(2.0 / 15, CalibrationMetrics.expectedCalibrationError(p, y, 1), 1e-15);
        Reliability table = CalibrationMetrics.reliability(p, y);
        assertEquals(15, table.bins().size());
        assertEquals(1, table.bins().get(13).count());
        assertEquals(0.0, table.bins().get(11).accuracy(), 0.0);
        assertEquals(0.8, table.bins().get(11).meanConfidence(), 0.0);
        assertTrue(table.bins().get(0).isEmpty());
        assertTrue(Double.isNaN(table.bins().get(0).accuracy()));
        assertEquals(11.0 / 15, table.bins().get(11).lower(), 0.0);
        assertEquals(12.0 / 15, table.bins().get(11).upper(), 0.0);
    }

    @Test
    void tiesGoToTheFirstClass() {
        // top label 0 (first of the tie): right for label 0, wrong for label 1
        double[][] p = {{0.5, 0.5}};
        assertEquals(0.5, CalibrationMetrics.expectedCalibrationError(p, new int[] {0}), 0.0);
        assertEquals(0.5, CalibrationMetrics.expectedCalibrationError(p, new int[] {1}), 0.0);
        assertEquals(1.0, CalibrationMetrics.reliability(p, new int[] {0}).bins().get(7).accuracy(), 0.0);
        assertEquals(0.0, CalibrationMetrics.reliability(p, new int[] {1}).bins().get(7).accuracy(), 0.0);
    }

    @Test
    void rejectsBadInputs() {
        double[][] p = {{0.2, 0.8}, {0.6, 0.4}};
        assertMessage("labels[1] must be in [0, 2), got 2", () -> CalibrationMetrics.brierScore(p, new int[] {0, 2}));
        assertMessage("labels must have one value per probability row (2), got 1",
                () -> CalibrationMetrics.expectedCalibrationError(p, new int[] {0}));
        assertMessage("probabilities[1][0] must be in [0, 1], got 1.5",
                () -> CalibrationMetrics.brierScore(new double[][] {{0.2, 0.8}, {1.5, 0.4}}, new int[] {0, 1}));
        assertMessage("probabilities[0][1] must be in [0, 1], got NaN", () -> CalibrationMetrics
                .expectedCalibrationError(new double[][] {{0.2, Double.NaN}}, new int[] {0}));
        assertMessage("probabilities[1] must hold 2 values, got 3", () -> CalibrationMetrics
                .reliability(new double[][] {{0.2, 0.8}, {0.2, 0.3, 0.5}}, new int[] {0, 1}));
        assertMessage("at least 2, got 1",
                () -> CalibrationMetrics.brierScore(new double[][] {{1.0}}, new int[] {0}));
        assertMessage("probabilities must hold at least one row",
                () -> CalibrationMetrics.brierScore(new double[0][], new int[0]));
        assertMessage("bins must be >= 1, got 0", () -> CalibrationMetrics.expectedCalibrationError(p, new int[] {0, 1},
                0));
    }

    private static void assertMatches(String name, double[][] probabilities, int[] labels, JsonNode expected) {
        assertEquals(expected.get("ece").asDouble(),
                CalibrationMetrics.expectedCalibrationError(probabilities, labels), TOLERANCE, name + ": ECE");
        assertEquals(expected.get("brier").asDouble(), CalibrationMetrics.brierScore(probabilities, labels),
                TOLERANCE, name + ": Brier");
        Reliability table = CalibrationMetrics.reliability(probabilities, labels);
        assertEquals(labels.length, table.samples());
        int[] counts = CalibrationFixture.ints(expected.get("counts"));
        double[] confidence = CalibrationFixture.doubles(expected.get("mean_confidence"));
        double[] accuracy = CalibrationFixture.doubles(expected.get("accuracy"));
        for (int b = 0; b < CalibrationMetrics.DEFAULT_BINS; b++) {
            ReliabilityBin bin = table.bins().get(b);
            assertEquals(counts[b], bin.count(), name + ": count of bin " + b);
            assertEquals(confidence[b], bin.meanConfidence(), TOLERANCE, name + ": confidence of bin " + b);
            assertEquals(accuracy[b], bin.accuracy(), TOLERANCE, name + ": accuracy of bin " + b);
        }
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        Expect.rejects(IllegalArgumentException.class, call, expected);
    }
}
