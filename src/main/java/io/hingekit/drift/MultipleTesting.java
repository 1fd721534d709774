package io.hingekit.drift;

import java.util.Arrays;
import java.util.Locale;

/**
 * Correction of p-values for testing many features (or many slices) at once, as statsmodels'
 * {@code multipletests(pvals, method=...)} returns them in its second output.
 *
 * <p>Config words, case-insensitive: {@code none}, {@code bonferroni}, {@code benjamini-hochberg} (or {@code bh}).
 * Stateless and thread-safe.
 */
public enum MultipleTesting {

    /** No correction: the p-values are returned unchanged (as a copy). */
    NONE("none") {
        @Override
        double[] adjustChecked(double[] pValues) {
            return pValues.clone();
        }
    },

    /** Bonferroni (controls the family-wise error rate): {@code min(1, p * m)}, statsmodels' {@code 'bonferroni'}. */
    BONFERRONI("bonferroni") {
        @Override
        double[] adjustChecked(double[] pValues) {
            double m = pValues.length;
            double[] adjusted = new double[pValues.length];
            for (int i = 0; i < adjusted.length; i++) {
                adjusted[i] = Math.min(1.0, pValues[i] * m);
            }
            return adjusted;
        }
    },

    /**
     * Benjamini-Hochberg step-up (controls the false discovery rate), statsmodels' {@code 'fdr_bh'}: with the p-values
     * in increasing order p_(1..m), {@code p_(i) / (i/m)}, then the running minimum from the largest rank down, capped
     * at 1. Tied p-values get the same adjusted value.
     */
    BENJAMINI_HOCHBERG("benjamini-hochberg") {
        @Override
        double[] adjustChecked(double[] pValues) {
            int m = pValues.length;
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(pValues[x], pValues[y]));
            double[] adjusted = new double[m];
            double running = Double.POSITIVE_INFINITY;
            for (int rank = m; rank >= 1; rank--) {
                int index = order[rank - 1];
                running = Math.min(running, pValues[index] / ((double) rank / m));
                adjusted[index] = Math.min(running, 1.0);
            }
            return adjusted;
        }
    };

    private final String configWord;

    MultipleTesting(String configWord) {
        this.configWord = configWord;
    }

    /**
     * Reads a correction from its config word.
     *
     * @param word {@code none}, {@code bonferroni}, {@code benjamini-hochberg} or {@code bh}, in any case
     * @return the correction
     * @throws IllegalArgumentException naming the allowed words if the word is none of them
     */
    public static MultipleTesting parse(String word) {
        String key = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "none":
                return NONE;
            case "bonferroni":
                return BONFERRONI;
            case "benjamini-hochberg":
            case "bh":
                return BENJAMINI_HOCHBERG;
            default:
                throw new IllegalArgumentException("multiple-testing correction '" + word
                        + "' is not known; allowed: none, bonferroni, benjamini-hochberg (or bh)");
        }
    }

    /**
     * The config word that {@link #parse} reads back to this correction.
     *
     * @return the word
     */
    public String configWord() {
        return configWord;
    }

    /**
     * Adjusts p-values; the result is in the input's order. An empty array gives an empty array.
     *
     * @param pValues p-values in [0, 1]
     * @return the adjusted p-values, a new array
     * @throws IllegalArgumentException if the array is null or a value is NaN or outside [0, 1]
     */
    public double[] adjust(double[] pValues) {
        if (pValues == null) {
            throw new IllegalArgumentException("pValues must not be null");
        }
        for (int i = 0; i < pValues.length; i++) {
            if (!(pValues[i] >= 0.0 && pValues[i] <= 1.0)) {
                throw new IllegalArgumentException(
                        "pValues[" + i + "] is " + pValues[i] + "; p-values must lie in [0, 1]");
            }
        }
        return adjustChecked(pValues);
    }

    abstract double[] adjustChecked(double[] pValues);
}
