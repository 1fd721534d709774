package io.hingekit.drift;

/**
 * Two-sided two-sample Kolmogorov-Smirnov test, giving the same statistic and p-value as SciPy 1.10's
 * {@code scipy.stats.ks_2samp(reference, current)} (alternative {@code 'two-sided'}, method {@code 'auto'}).
 *
 * <p>D is the largest absolute difference between the two empirical CDFs, both evaluated at every observed value
 * with ties counted as {@code <=} (SciPy's {@code searchsorted(..., side='right')}); {@code -0.0} and {@code 0.0} are
 * the same value. The p-value is exact (lattice-path counting, see {@link KsMethod#EXACT}) when both sizes are at most
 * {@link #MAX_EXACT_N}, and asymptotic above: the one-sample Kolmogorov distribution's survival function
 * {@code kstwo.sf(D, round(n1*n2/(n1+n2)))}. As in SciPy, an exact result that comes out outside [0, 1] is replaced by
 * the asymptotic one, computed at the lattice-rounded D; {@link KsResult#method()} says which was used.
 *
 * <p>Cost: sorting, O((n1+n2) log(n1+n2)), plus the exact count: O(n) for equal sizes and O(n1 * band) for unequal
 * ones, where the band is about {@code 2*D*min(n1, n2)} cells (under a second at 10000 x 7000 on one core).
 * Stateless and thread-safe.
 */
public final class KolmogorovSmirnov {

    /** Largest sample size for which the exact p-value is attempted (SciPy's {@code MAX_AUTO_N}). */
    public static final int MAX_EXACT_N = 10_000;

    private KolmogorovSmirnov() {}

    /**
     * Tests whether two samples come from the same continuous distribution.
     *
     * @param reference the reference sample; non-empty, no NaN (infinities are ordinary values here)
     * @param current the current sample; non-empty, no NaN
     * @return D, its p-value and the method used
     * @throws IllegalArgumentException if a sample is null, empty or contains NaN
     */
    public static KsResult twoSample(double[] reference, double[] current) {
        double[] a = Samples.sortedCopy(reference, "reference");
        double[] b = Samples.sortedCopy(current, "current");
        return test(statistic(a, b), a.length, b.length);
    }

    /**
     * The test for a statistic computed elsewhere (for example by a distributed walk over the merged sorted
     * samples): the same lattice rounding of D, p-value and method as {@link #twoSample}.
     *
     * @param statistic D, the largest absolute difference of the two empirical CDFs (see {@link #statistic(double,
     *     double)})
     * @param n1 the reference sample's size, at least 1
     * @param n2 the current sample's size, at least 1
     * @return D (lattice-rounded on the exact path), its p-value and the method used
     * @throws IllegalArgumentException if a size is below 1 or D is outside [0, 1]
     */
    public static KsResult test(double statistic, long n1, long n2) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("sample sizes must be at least 1, got " + n1 + " and " + n2);
        }
        if (!(statistic >= 0.0 && statistic <= 1.0)) {
            throw new IllegalArgumentException("statistic must be in [0, 1], got " + statistic);
        }
        double d = statistic;
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            long g = gcd(n1, n2);
            long lcm = (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm);
            d = (double) h / (double) lcm;
            if (h == 0) {
                return new KsResult(d, 1.0, KsMethod.EXACT);
            }
            double p = n1 == n2 ? LatticePaths.outsideSquare((int) n1, h)
                    : LatticePaths.outsideInside((int) n1, (int) n2, g, h);
            if (p >= 0.0 && p <= 1.0) {
                return new KsResult(d, p, KsMethod.EXACT);
            }
        }
        return new KsResult(d, asymptoticPValue(d, n1, n2), KsMethod.ASYMPTOTIC);
    }

    /**
     * D from the extreme signed differences {@code F_reference(t) - F_current(t)} over the distinct values t of the
     * merged data (both CDFs counting ties as {@code <=}), as {@code ks_2samp} combines them.
     *
     * @param maxDifference the largest signed difference (at least 0: the differences end at 0)
     * @param minDifference the smallest signed difference
     * @return D
     */
    public static double statistic(double maxDifference, double minDifference) {
        double minS = clip(-minDifference);
        return minS > maxDifference ? minS : maxDifference;
    }

    /**
     * Two-sided asymptotic p-value: the Kolmogorov distribution's survival function at the effective size.
     *
     * @param d the statistic
     * @param n1 one sample size
     * @param n2 the other sample size
     * @return {@code kstwo.sf(d, round(n1*n2/(n1+n2)))}, clipped to [0, 1]
     */
    static double asymptoticPValue(double d, long n1, long n2) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double effective = Math.rint(m * n / (m + n));
        return clip(KolmogorovDistribution.sf((long) effective, d));
    }

    /**
     * D for two sorted samples: walks the distinct values of the merged data in order, counting in each sample the
     * values {@code <=} the current one.
     */
    static double statistic(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        int i = 0;
        int j = 0;
        double maxDiff = Double.NEGATIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        while (i < n1 || j < n2) {
            double value = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
            // Primitive <= treats -0.0 and 0.0 as equal, as NumPy does.
            while (i < n1 && a[i] <= value) {
                i++;
            }
            while (j < n2 && b[j] <= value) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            maxDiff = Math.max(maxDiff, diff);
            minDiff = Math.min(minDiff, diff);
        }
        return statistic(maxDiff, minDiff);
    }

    private static double clip(double p) {
        return p < 0.0 ? 0.0 : Math.min(p, 1.0);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
