package io.hingekit.drift;

/**
 * Survival function of the one-sample two-sided Kolmogorov statistic D_n for finite n, as SciPy 1.10's
 * {@code scipy.stats.kstwo.sf(x, n)} computes it ({@code scipy/stats/_ksstats.py}, after Simard and L'Ecuyer 2011).
 *
 * <p>The method depends on n and on {@code n*x^2}, see {@link Branch}. Not for direct use: see
 * {@link KolmogorovSmirnov}.
 */
final class KolmogorovDistribution {

    /** Above this n, the small-n rules stop and the large-n rules (with an sf-specific tail cut) apply. */
    static final int SMALL_N = 140;

    /** The computation chosen for one (n, x). */
    enum Branch {
        /** {@code x <= 0.5/n}: D_n is always at least this large; sf = 1. */
        SUPPORT_LOW,
        /** {@code x >= 1}: sf = 0. */
        SUPPORT_HIGH,
        /** {@code 1/(2n) < x <= 1/n}: Ruben-Gambino closed form {@code cdf = n!/n^n * (2nx - 1)^n}. */
        RUBEN_GAMBINO_LOW,
        /** {@code x >= 1 - 1/n}: Ruben-Gambino closed form {@code sf = 2(1-x)^n}. */
        RUBEN_GAMBINO_HIGH,
        /** {@code x >= 1/2}: the two one-sided tails cannot both be reached, so sf = 2 * smirnov(n, x) exactly. */
        SMIRNOV_HALF,
        /** Durbin's matrix, evaluated as Marsaglia, Tsang and Wang do. */
        DURBIN,
        /** Pomeranz's recursion (n &lt;= 140 only). */
        POMERANZ,
        /** Upper tail: sf approximated by 2 * smirnov(n, x) (Miller). */
        SMIRNOV_TAIL,
        /** {@code n*x^2 >= 370} with n &gt; 140: sf below 1e-300, returned as 0. */
        NEGLIGIBLE,
        /** Pelz-Good asymptotic series for the CDF (n &gt; 140). */
        PELZ_GOOD
    }

    private KolmogorovDistribution() {}

    /**
     * Which computation {@link #sf} uses at (n, x); the conditions are SciPy's, in SciPy's order.
     *
     * @param n sample size, at least 1
     * @param x the statistic, not NaN
     * @return the branch
     */
    static Branch branch(long n, double x) {
        if (x <= 0.5 / n) {
            return Branch.SUPPORT_LOW;
        }
        if (x >= 1.0) {
            return Branch.SUPPORT_HIGH;
        }
        double t = n * x;
        if (t <= 1.0) {
            return t <= 0.5 ? Branch.SUPPORT_LOW : Branch.RUBEN_GAMBINO_LOW;
        }
        if (t >= n - 1) {
            return Branch.RUBEN_GAMBINO_HIGH;
        }
        if (x >= 0.5) {
            return Branch.SMIRNOV_HALF;
        }
        double nxSquared = t * x;
        if (n <= SMALL_N) {
            if (nxSquared <= 0.754693) {
                return Branch.DURBIN;
            }
            return nxSquared <= 4 ? Branch.POMERANZ : Branch.SMIRNOV_TAIL;
        }
        if (nxSquared >= 370.0) {
            return Branch.NEGLIGIBLE;
        }
        if (nxSquared >= 2.2) {
            return Branch.SMIRNOV_TAIL;
        }
        return n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4 ? Branch.DURBIN : Branch.PELZ_GOOD;
    }

    /**
     * P(D_n &gt;= x).
     *
     * @param n sample size; below 1 gives NaN, as SciPy does for an invalid shape
     * @param x the statistic
     * @return the survival probability, in [0, 1] (NaN for NaN input)
     */
    static double sf(long n, double x) {
        if (n < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n must fit in an int, got " + n);
        }
        int size = (int) n;
        switch (branch(n, x)) {
            case SUPPORT_LOW:
                return 1.0;
            case SUPPORT_HIGH:
            case NEGLIGIBLE:
                return 0.0;
            case RUBEN_GAMBINO_LOW:
                return clip(1.0 - rubenGambinoLowCdf(size, x));
            case RUBEN_GAMBINO_HIGH:
                return clip(2 * Math.pow(1.0 - x, size));
            case SMIRNOV_HALF:
            case SMIRNOV_TAIL:
                return clip(2 * Smirnov.sf(size, x));
            case DURBIN:
                return clip(1.0 - DurbinMatrix.cdf(size, x));
            case POMERANZ:
                return clip(1.0 - PomeranzRecursion.cdf(size, x));
            case PELZ_GOOD:
                return clip(1.0 - PelzGood.cdf(size, x));
            default:
                throw new AssertionError("unhandled branch");
        }
    }

    /** {@code n!/n^n * (2nx - 1)^n}: a product for small n, Stirling's series in logs above. */
    private static double rubenGambinoLowCdf(int n, double x) {
        double base = 2 * (n * x) - 1;
        if (n <= SMALL_N) {
            double product = 1.0;
            for (int i = 1; i <= n; i++) {
                product *= i * (1.0 / n) * base;
            }
            return product;
        }
        return Math.exp(logFactorialOverPower(n) + n * Math.log(base));
    }

    /** Bernoulli-number coefficients B_{2j}/(2j(2j-1)) of Stirling's series, j = 8 down to 1. */
    private static final double[] STIRLING = {
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    };

    /** log(n!/n^n) by Stirling's series, with the n*log(n) terms cancelled analytically. */
    static double logFactorialOverPower(int n) {
        double rn = 1.0 / n;
        double rn2 = rn / n;
        double series = STIRLING[0];
        for (int i = 1; i < STIRLING.length; i++) {
            series = series * rn2 + STIRLING[i];
        }
        return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * series;
    }

    static double clip(double p) {
        return p < 0.0 ? 0.0 : Math.min(p, 1.0);
    }
}
