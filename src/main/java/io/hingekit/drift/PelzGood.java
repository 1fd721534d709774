package io.hingekit.drift;

/**
 * Pelz-Good (1976) approximation of the Kolmogorov CDF P(D_n &lt;= x), as SciPy's {@code _kolmogn_PelzGood} computes
 * it.
 *
 * <p>It starts from the Li-Chien / Korolyuk expansion {@code K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5} with
 * {@code z = x*sqrt(n)} and rewrites each term through the Jacobi theta functional equation into sums over
 * {@code q^(k^2)}, {@code q = exp(-pi^2/(8 z^2))}, which converge fast for small z. Not for direct use: see
 * {@link KolmogorovDistribution}.
 */
final class PelzGood {

    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = Math.pow(Math.PI, 4);
    private static final double PI_SIX = Math.pow(Math.PI, 6);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT3 = Math.sqrt(3);
    /** Below this log, q underflows: z is under about 0.0417 and the CDF is 0. */
    private static final double MIN_LOG = -708;

    private PelzGood() {}

    /**
     * Approximate P(D_n &lt;= x).
     *
     * @param n sample size
     * @param x the statistic
     * @return the approximation, not clipped
     */
    static double cdf(int n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = Math.pow(z, 3);
        double z4 = Math.pow(z, 4);
        double z6 = Math.pow(z, 6);

        double qlog = -PI_SQUARED / 8 / z2;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);

        double k1a = -z2;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * z2) / 16;
        double k3d = PI_SIX * (5 - 30 * z2) / 64;
        double k3c = PI_FOUR * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);

        // Horner scheme over the odd integers m = 2k - 1: sum_k c(m) q^(m^2).
        double[] terms = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k >= 1; k--) {
            double m = 2 * k - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qPower = Math.pow(q, 8 * k);
            double[] coefficients = {
                1.0,
                k1a + k1b * m2,
                k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6,
            };
            for (int i = 0; i < 4; i++) {
                terms[i] = terms[i] * qPower + coefficients[i];
            }
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            terms[i] = terms[i] * q * SQRT_2PI / divisors[i];
        }

        // The remaining sums of K2 and K3 run over all integers k: (pi k)^2 q'^(k^2), q' = exp(-pi^2/(2 z^2)).
        double qAll = Math.exp(-PI_SQUARED / 2 / z2);
        double sqrt3z = SQRT3 * z;
        double k2extra = 0.0;
        double k3extra = 0.0;
        for (int k = maxk; k >= 1; k--) {
            double k2 = (double) k * k;
            double kPi = Math.PI * k;
            double qPower = Math.pow(qAll, k2);
            k2extra += k2 * qPower;
            k3extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
        }
        terms[2] += k2extra * (PI_SQUARED * SQRT_2PI / (-36 * z3));
        terms[3] += k3extra * (PI_SQUARED * SQRT_2PI / (216 * z6));

        double sum = 0.0;
        for (int i = 0; i < 4; i++) {
            sum += terms[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }
}
