package io.hingekit.drift;

import java.util.Arrays;

/**
 * Kolmogorov CDF P(D_n &lt;= x) by Pomeranz's (1974) recursion, as SciPy's {@code _kolmogn_Pomeranz} evaluates it.
 *
 * <p>The recursion runs over 2n + 2 rows; each row is the previous one convolved with one of three sets of scaled
 * Poisson weights, {@code (g/n)^j/j!}, {@code (2g/n)^j/j!} or {@code ((1-2g)/n)^j/j!} where g is the distance of
 * {@code n*x} to the nearest integer. Only a narrow band of each row can be non-zero; the answer is n! times the last
 * entry of the last row. Rows are rescaled by 2^128 against underflow. Not for direct use: see
 * {@link KolmogorovDistribution}.
 */
final class PomeranzRecursion {

    private static final int SCALE_EXPONENT = 128;
    private static final double BIG = Math.scalb(1.0, SCALE_EXPONENT);
    private static final double SMALL = Math.scalb(1.0, -SCALE_EXPONENT);

    private PomeranzRecursion() {}

    /**
     * P(D_n &lt;= x).
     *
     * @param n sample size, at least 1
     * @param x the statistic, with {@code n*x} greater than 1
     * @return the CDF, clipped to [0, 1]
     */
    static double cdf(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gPower = new double[npwrs];
        double[] twoGPower = new double[npwrs];
        double[] oneMinusTwoGPower = new double[npwrs];
        gPower[0] = 1.0;
        twoGPower[0] = 1.0;
        oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int j = 1; j < npwrs; j++) {
            gPower[j] = gPower[j - 1] * gOverN / j;
            twoGPower[j] = twoGPower[j - 1] * twoGOverN / j;
            oneMinusTwoGPower[j] = oneMinusTwoGPower[j - 1] * oneMinusTwoGOverN / j;
        }

        double[] previous = new double[npwrs];
        double[] current = new double[npwrs];
        current[0] = 1.0;
        int previousStart = 0;
        int currentStart = 0;
        int exponent = 0;
        int[] band = band(0, n, ll, ceilf, roundf);
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = band[0];
            double[] swap = previous;
            previous = current;
            current = swap;
            int swapStart = previousStart;
            previousStart = currentStart;
            currentStart = swapStart;
            Arrays.fill(current, 0.0);
            band = band(i, n, ll, ceilf, roundf);
            int j1 = band[0];
            int j2 = band[1];
            double[] weights = i == 1 || i == 2 * n + 1 ? gPower : i % 2 == 1 ? twoGPower : oneMinusTwoGPower;
            int width = j2 - k1 + 1;
            if (width > 0) {
                int segmentStart = k1 - previousStart;
                int segmentLength = Math.min(width, npwrs - segmentStart);
                int first = j1 - k1;
                int count = j2 - j1 + 1;
                double largest = 0.0;
                for (int c = 0; c < count; c++) {
                    int lag = first + c;
                    double sum = 0.0;
                    for (int u = Math.max(0, lag - width + 1); u <= Math.min(lag, segmentLength - 1); u++) {
                        sum += previous[segmentStart + u] * weights[lag - u];
                    }
                    current[c] = sum;
                    largest = Math.max(largest, sum);
                }
                if (largest > 0 && largest < SMALL) {
                    for (int c = 0; c < count; c++) {
                        current[c] *= BIG;
                    }
                    exponent -= SCALE_EXPONENT;
                }
                currentStart = previousStart + j1 - k1;
            }
        }

        double answer = current[n - currentStart];
        for (int j = 1; j <= n; j++) {
            if (Math.abs(answer) > BIG) {
                answer *= SMALL;
                exponent += SCALE_EXPONENT;
            }
            answer *= j;
        }
        if (exponent != 0) {
            answer = Math.scalb(answer, exponent);
        }
        return KolmogorovDistribution.clip(answer);
    }

    /** First and last non-zero index of row i, clipped to [0, n]. */
    private static int[] band(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0) {
                if (half == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = half - 1 - ll - roundf - 1;
                    j2 = half + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }
}
