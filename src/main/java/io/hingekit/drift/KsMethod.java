package io.hingekit.drift;

/** How a two-sample Kolmogorov-Smirnov p-value was computed, in SciPy's terms ({@code 'exact'}, {@code 'asymp'}). */
public enum KsMethod {
    /** Lattice-path counting of the exact null distribution of D for the two sample sizes. */
    EXACT,
    /** The one-sample Kolmogorov distribution at the effective size {@code round(n1*n2/(n1+n2))}. */
    ASYMPTOTIC
}
