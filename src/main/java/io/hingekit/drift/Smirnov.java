package io.hingekit.drift;

/**
 * Exact survival function of the one-sided one-sample Kolmogorov-Smirnov statistic, P(D_n+ &gt;= x), the quantity
 * SciPy 1.10 returns as {@code scipy.special.smirnov(n, x)} ({@code scipy/special/cephes/kolmogorov.c}).
 *
 * <p>It uses the Birnbaum-Tingey sum
 * {@code x * sum_{v=0}^{floor(n(1-x))} C(n,v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1)}, every term positive, each term
 * evaluated in logarithms (the binomial coefficient overflows a double long before n = 10^4), with SciPy's special
 * cases (x &lt;= 1/n, x &gt;= 1 - 1/n, an underflowing tail, and an approximation above n = 10^6) and SciPy's early
 * stop once the remaining terms cannot change the sum. The fractional part of {@code n*x} is taken exactly, so the
 * bases stay accurate near the end of the sum.
 *
 * <p>Differences from SciPy's C code: SciPy evaluates in double-double arithmetic, and switches to the alternating
 * upper sum for the CDF when {@code x <= 0.5/sqrt(n)} and at most three terms remain; this class always uses the lower
 * sum. The Kolmogorov distribution only calls it where SciPy uses the lower sum too (x &gt;= 1/2 or
 * {@code n*x^2 >= 2.2}); elsewhere the two agree to about 1e-12 relative. Not for direct use: see
 * {@link KolmogorovDistribution}.
 */
final class Smirnov {

    /** Above this n, SciPy switches to {@code exp(-(6nx+1)^2/(18n))}. */
    static final int MAX_COMPUTE_N = 1_000_000;
    /** cephes' MINLOG, log(2^-1075): below it the tail underflows. */
    private static final double MIN_LOG = -7.451332191019412076235E2;
    private static final double EPSILON = Math.ulp(1.0);

    private Smirnov() {}

    /**
     * P(D_n+ &gt;= x).
     *
     * @param n sample size, at least 1
     * @param x the statistic
     * @return the survival probability in [0, 1]; NaN when x is outside [0, 1] or NaN
     */
    static double sf(int n, double x) {
        if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
            return Double.NaN;
        }
        if (n == 1) {
            return x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        // n*x = nxFloor + alpha, with alpha in [0, 1) taken from the exact product.
        double hi = n * x;
        double lo = Math.fma(n, x, -hi);
        double nxFloor = Math.floor(hi);
        double alpha = (hi - nxFloor) + lo;
        if (alpha < 0.0) {
            nxFloor -= 1;
            alpha += 1.0;
        }
        if (alpha >= 1.0) {
            nxFloor += 1;
            alpha = 0.0;
        }
        int nxfl = (int) nxFloor;

        if (nxfl == 0 || (nxfl == 1 && alpha == 0.0)) {
            // x <= 1/n: cdf = x (1 + x)^(n - 1)
            double cdf = x * Math.exp((n - 1) * Math.log1p(x));
            return KolmogorovDistribution.clip(1.0 - cdf);
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0.0;
        }
        if (nxfl >= n - 1) {
            return KolmogorovDistribution.clip(Math.exp(n * Math.log1p(-x)));
        }
        if (n > MAX_COMPUTE_N) {
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logp < -Math.log(2) ? Math.exp(logp) : 1.0 + Math.expm1(logp);
        }

        // Terms v = 0 .. floor(n(1-x)), excluding v = n(1-x) itself when that is an integer (its term is 0).
        int lastV = n - nxfl - 1;
        int terms = lastV + 1;
        int middle = n / 2;
        double logBinomial = 0.0;
        double sum = 0.0;
        for (int v = 0; v < terms; v++) {
            double below = ((n - nxfl - v) - alpha) / n; // 1 - x - v/n
            double above = ((nxfl + v) + alpha) / n;     // x + v/n
            double logTerm = logBinomial + (n - v) * Math.log(below) + (v - 1) * Math.log(above);
            double term = Math.exp(logTerm);
            if (Double.isFinite(term) && term != 0.0) {
                sum += term;
            }
            if (term != 0.0) {
                if (4.0 * (terms - v) * term < EPSILON * sum && v != terms - 1) {
                    break;
                }
            } else if (v > middle) {
                break;
            }
            logBinomial += Math.log((double) (n - v) / (v + 1));
        }
        return KolmogorovDistribution.clip(x * sum);
    }
}
