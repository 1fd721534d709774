package io.hingekit.serve;

import io.hingekit.drift.KolmogorovSmirnov;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The canary: routes a fraction of the prediction traffic to a candidate model (by a hash of the request id when
 * one is given, so a caller's rows stay on one model) and judges it against the baseline.
 *
 * <p>Verdict rules, checked in order: (1) {@code continue} until each model has {@code minFeedback} labelled
 * predictions; (2) {@code rollback} when a one-sided two-proportion z-test finds the candidate's violation rate
 * higher than the baseline's at significance {@value #ALPHA}; (3) {@code rollback} when the label-free gaps of the
 * latest predictions differ (two-sample KS test at {@value #ALPHA}) and the candidate's median gap is the smaller;
 * (4) otherwise {@code promote}. Each check is listed with its values. Thread-safe.
 */
final class Canary {

    /** Significance level of the verdict's tests. */
    static final double ALPHA = 0.05;
    private static final int GAP_WINDOW = 5000;

    private final String baseline;
    private final String candidate;
    private final double fraction;
    private final int minFeedback;
    private final Map<String, long[]> labelled = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Double>> gaps = new LinkedHashMap<>();

    Canary(String baseline, String candidate, double fraction, int minFeedback) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.fraction = fraction;
        this.minFeedback = minFeedback;
        for (String model : List.of(baseline, candidate)) {
            labelled.put(model, new long[2]);
            gaps.put(model, new ArrayDeque<>());
        }
    }

    /**
     * Picks the model for a request.
     *
     * @param id the request id, or null (then at random)
     * @return true for the candidate
     */
    boolean toCandidate(String id) {
        double u = id == null ? ThreadLocalRandom.current().nextDouble()
                : (Integer.toUnsignedLong(Integer.rotateLeft(id.hashCode() * 0x9E3779B9, 7) * 0x85EBCA6B)
                        % 1_000_000) / 1e6;
        return u < fraction;
    }

    /** Records a prediction's gap. */
    synchronized void prediction(String model, double gap) {
        ArrayDeque<Double> window = gaps.get(model);
        window.addLast(gap);
        if (window.size() > GAP_WINDOW) {
            window.removeFirst();
        }
    }

    /** Records a labelled prediction. */
    synchronized void feedback(String model, boolean violated) {
        long[] counts = labelled.get(model);
        counts[0]++;
        counts[1] += violated ? 1 : 0;
    }

    /**
     * Judges the candidate.
     *
     * @return verdict, rules applied and checks with values
     */
    synchronized Map<String, Object> verdict() {
        long nb = labelled.get(baseline)[0];
        long vb = labelled.get(baseline)[1];
        long nc = labelled.get(candidate)[0];
        long vc = labelled.get(candidate)[1];
        List<Map<String, Object>> checks = new ArrayList<>();
        String verdict;
        boolean enough = nb >= minFeedback && nc >= minFeedback;
        checks.add(check("labelled predictions per model >= " + minFeedback, nb, nc, Double.NaN, enough));
        if (!enough) {
            verdict = "continue";
        } else {
            double pb = (double) vb / nb;
            double pc = (double) vc / nc;
            double pooled = (double) (vb + vc) / (nb + nc);
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nb + 1.0 / nc));
            double z = se == 0 ? 0 : (pc - pb) / se;
            double pWorse = 1 - normalCdf(z);
            boolean violationsOk = !(pWorse < ALPHA);
            checks.add(check("violation rate: candidate not higher (one-sided z-test p >= " + ALPHA + ")", pb, pc,
                    pWorse, violationsOk));
            double[] gb = gaps.get(baseline).stream().mapToDouble(Double::doubleValue).toArray();
            double[] gc = gaps.get(candidate).stream().mapToDouble(Double::doubleValue).toArray();
            boolean gapsOk = true;
            if (gb.length > 0 && gc.length > 0) {
                double p = KolmogorovSmirnov.twoSample(gb, gc).pValue();
                gapsOk = !(p < ALPHA && median(gc) < median(gb));
                checks.add(check("label-free gap: candidate's not smaller (KS p >= " + ALPHA + " or median not lower)",
                        median(gb), median(gc), p, gapsOk));
            }
            verdict = violationsOk && gapsOk ? "promote" : "rollback";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", verdict);
        out.put("baseline", baseline);
        out.put("candidate", candidate);
        out.put("fraction", fraction);
        out.put("checks", checks);
        return out;
    }

    private static Map<String, Object> check(String rule, double baselineValue, double candidateValue, double p,
            boolean passed) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("rule", rule);
        check.put("baseline", baselineValue);
        check.put("candidate", candidateValue);
        if (!Double.isNaN(p)) {
            check.put("p_value", p);
        }
        check.put("passed", passed);
        return check;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Standard normal CDF through erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double normalCdf(double z) {
        double x = -z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                + t * 0.17087277)))))))));
        return 0.5 * (x >= 0 ? erfc : 2 - erfc);
    }
}
