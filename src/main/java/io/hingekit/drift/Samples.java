package io.hingekit.drift;

import java.util.Arrays;

/** Argument checks and sorted copies shared by the two-sample statistics of this package. */
final class Samples {

    private Samples() {}

    /**
     * Returns a sorted copy of a sample after checking that it is present, non-empty and free of NaN.
     *
     * @param values the sample
     * @param name the parameter name used in error messages
     * @return a sorted copy; infinities are kept
     */
    static double[] sortedCopy(double[] values, String name) {
        check(values, name);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Returns a sorted copy of a sample after checking that it is present, non-empty and finite.
     *
     * @param values the sample
     * @param name the parameter name used in error messages
     * @param statistic what needs finite values, for the error message
     * @return a sorted copy
     */
    static double[] sortedFiniteCopy(double[] values, String name, String statistic) {
        requireFinite(values, name, statistic);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Checks that a sample is present, non-empty and finite.
     *
     * @param values the sample
     * @param name the parameter name used in error messages
     * @param statistic what needs finite values, for the error message
     */
    static void requireFinite(double[] values, String name, String statistic) {
        check(values, name);
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(name + " sample contains " + values[i] + " at index " + i + "; "
                        + statistic + " needs finite values");
            }
        }
    }

    private static void check(double[] values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " sample must not be null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " sample is empty; it needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + " sample contains NaN at index " + i);
            }
        }
    }
}
