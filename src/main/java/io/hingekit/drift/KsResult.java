package io.hingekit.drift;

import java.util.Objects;

/**
 * Outcome of a two-sided two-sample Kolmogorov-Smirnov test.
 *
 * @param statistic D, the largest absolute difference of the two empirical CDFs; on the exact path it is SciPy's
 *     value rounded to the lattice, {@code round(D*lcm(n1, n2)) / lcm(n1, n2)}
 * @param pValue probability under the null hypothesis of a D at least this large, in [0, 1]
 * @param method the method that produced {@code pValue} (after any fallback from exact to asymptotic)
 */
public record KsResult(double statistic, double pValue, KsMethod method) {

    /** Checks that the method is present. */
    public KsResult {
        Objects.requireNonNull(method, "method");
    }
}
