package io.hingekit.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattScalingTest {

    /** The bar for A and B against the plain-Python Lin-Lin-Weng fit. */
    private static final double LLW_TOLERANCE = 1e-6;

    @Test
    void matchesPlainPythonLinLinWengOnEveryFixtureSigmoid() {
        double worstA = 0;
        double worstB = 0;
        double worstSlope = 0;
        for (CalibrationFixture.Case c : CalibrationFixture.cases()) {
            double[][] columns = sigmoidInputs(c.valScores(), c.scoreColumns());
            for (int k = 0; k < columns.length; k++) {
                Sigmoid fitted = PlattScaling.fit(columns[k], targets(c.valLabels(), c.scoreColumns(), k));
                double[] expected = c.llw().sigmoids().get(k);
                String where = c.name() + " sigmoid " + k;
                assertEquals(expected[0], fitted.a(), LLW_TOLERANCE, where + ": A");
                assertEquals(expected[1], fitted.b(), LLW_TOLERANCE, where + ": B");
                // A times the largest |score| is what A contributes to a*s + b: keep that close too (large scores)
                double slope = Math.abs(expected[0] - fitted.a()) * maxAbs(columns[k]);
                assertTrue(slope <= LLW_TOLERANCE, where + ": |dA| * max|s| = " + slope);
                worstA = Math.max(worstA, Math.abs(expected[0] - fitted.a()));
                worstB = Math.max(worstB, Math.abs(expected[1] - fitted.b()));
                worstSlope = Math.max(worstSlope, slope);
            }
        }
        System.out.printf("PlattScaling vs plain-Python LLW: max |dA| %.3g, max |dB| %.3g, max |dA|*max|s| %.3g%n",
                worstA, worstB, worstSlope);
    }

    @Test
    void reachesAnObjectiveNoWorseThanScikitLearn() {
        for (CalibrationFixture.Case c : CalibrationFixture.cases()) {
            double[][] columns = sigmoidInputs(c.valScores(), c.scoreColumns());
            for (int k = 0; k < columns.length; k++) {
                boolean[] positive = targets(c.valLabels(), c.scoreColumns(), k);
                Sigmoid fitted = PlattScaling.fit(columns[k], positive);
                double ours = PlattScaling.loss(columns[k], smoothedTargets(positive), fitted.a(), fitted.b());
                double theirs = c.sklearn().plattObjective()[k];
                assertTrue(ours <= theirs + 1e-9 * Math.abs(theirs),
                        c.name() + " sigmoid " + k + ": objective " + ours + " vs scikit-learn's " + theirs);
            }
        }
    }

    @Test
    void symmetricPairGivesMinusLogTwo() {
        // t+ = 2/3, t- = 1/3 and symmetric scores: B = 0 and 1 / (1 + exp(A)) = 2/3, so A = -ln 2
        Sigmoid s = PlattScaling.fit(new double[] {-1.0, 1.0}, new boolean[] {false, true});
        assertEquals(-Math.log(2.0), s.a(), 1e-7);
        assertEquals(0.0, s.b(), 1e-7);
    }

    @Test
    void separableScoresOfAMillionReachTheSmoothedTargets() {
        // two score values, one per class: the optimum puts p exactly on t+ = 4/5 and t- = 1/4, so
        // 1e6 a + b = ln(1/4) and -1e6 a + b = ln 3
        double[] scores = {1e6, 1e6, 1e6, -1e6, -1e6};
        boolean[] positive = {true, true, true, false, false};
        Sigmoid s = PlattScaling.fit(scores, positive);
        assertEquals(-Math.log(12.0) / 2e6 * 1e6, s.a() * 1e6, 1e-8);
        assertEquals(Math.log(0.75) / 2.0, s.b(), 1e-8);
        assertEquals(0.8, s.probability(1e6), 1e-8);
        assertEquals(0.25, s.probability(-1e6), 1e-8);
    }

    @Test
    void scalingTheScoresScalesOnlyTheSlope() {
        Random random = new Random(5);
        int n = 500;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.3;
            scores[i] = (positive[i] ? 1.0 : -1.0) + 1.3 * random.nextGaussian();
        }
        Sigmoid unit = PlattScaling.fit(scores, positive);
        for (double scale : new double[] {1e3, 1e5, 1e6}) {
            double[] large = new double[n];
            for (int i = 0; i < n; i++) {
                large[i] = scores[i] * scale;
            }
            Sigmoid fitted = PlattScaling.fit(large, positive);
            assertEquals(unit.a(), fitted.a() * scale, 1e-6, "scale " + scale);
            assertEquals(unit.b(), fitted.b(), 1e-6, "scale " + scale);
            for (int i = 0; i < n; i++) {
                double p = fitted.probability(large[i]);
                assertTrue(Double.isFinite(p), "scale " + scale);
                assertEquals(unit.probability(scores[i]), p, 1e-7, "scale " + scale);
            }
        }
    }

    @Test
    void perfectlySeparatedWideScoresStayFinite() {
        Random random = new Random(9);
        int n = 400;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = i % 3 == 0;
            scores[i] = (positive[i] ? 1.0 : -1.0) * Math.pow(10.0, 3.0 + 3.0 * random.nextDouble());
        }
        Sigmoid s = PlattScaling.fit(scores, positive);
        assertTrue(Double.isFinite(s.a()) && Double.isFinite(s.b()), s.toString());
        assertTrue(s.a() < 0, s.toString());
        // a stationary point of Platt's objective: gradient sum_i (t_i - p_i) * (s_i, 1) is about 0
        double[] t = smoothedTargets(positive);
        double gA = 0;
        double gB = 0;
        for (int i = 0; i < n; i++) {
            double p = s.probability(scores[i]);
            assertTrue(p >= 0 && p <= 1, "p = " + p);
            gA += scores[i] / 1e6 * (t[i] - p);
            gB += t[i] - p;
        }
        assertEquals(0.0, gA, 1e-6, "gradient in A, scores in units of 1e6");
        assertEquals(0.0, gB, 1e-6, "gradient in B");
    }

    @Test
    void rejectsAClassWithoutSamples() {
        Expect.rejects(IllegalArgumentException.class,
                () -> PlattScaling.fit(new double[] {1, 2}, new boolean[] {false, false}),
                "positive has no true value");
        Expect.rejects(IllegalArgumentException.class,
                () -> PlattScaling.fit(new double[] {1, 2}, new boolean[] {true, true}), "positive has no false value");
        Expect.rejects(IllegalArgumentException.class, () -> PlattScaling.fit(new double[0], new boolean[0]),
                "no true value");
    }

    @Test
    void rejectsNonFiniteScoresAndMismatchedLengths() {
        Expect.rejects(IllegalArgumentException.class,
                () -> PlattScaling.fit(new double[] {1, Double.NaN}, new boolean[] {true, false}),
                "scores[1] must be finite, got NaN");
        Expect.rejects(IllegalArgumentException.class, () -> PlattScaling.fit(
                new double[] {Double.NEGATIVE_INFINITY, 1}, new boolean[] {true, false}),
                "scores[0] must be finite, got -Infinity");
        Expect.rejects(IllegalArgumentException.class,
                () -> PlattScaling.fit(new double[] {1, 2, 3}, new boolean[] {true, false}),
                "scores has 3 values but positive has 2");
        assertThrows(IllegalArgumentException.class, () -> PlattScaling.fit(null, new boolean[0]));
    }

    /** The values each sigmoid of a Calibrator reads: the score, s1 - s0, or each column. */
    static double[][] sigmoidInputs(double[][] scores, int scoreColumns) {
        int sigmoids = scoreColumns <= 2 ? 1 : scoreColumns;
        double[][] out = new double[sigmoids][scores.length];
        for (int i = 0; i < scores.length; i++) {
            for (int k = 0; k < sigmoids; k++) {
                out[k][i] = scoreColumns == 1 ? scores[i][0]
                        : scoreColumns == 2 ? scores[i][1] - scores[i][0] : scores[i][k];
            }
        }
        return out;
    }

    static boolean[] targets(int[] labels, int scoreColumns, int k) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == (scoreColumns <= 2 ? 1 : k);
        }
        return out;
    }

    private static double[] smoothedTargets(boolean[] positive) {
        int n1 = 0;
        for (boolean p : positive) {
            n1 += p ? 1 : 0;
        }
        int n0 = positive.length - n1;
        double[] t = new double[positive.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = positive[i] ? (n1 + 1.0) / (n1 + 2.0) : 1.0 / (n0 + 2.0);
        }
        return t;
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
