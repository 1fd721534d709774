package io.hingekit.drift;

import java.util.Arrays;

/**
 * Exact two-sided null probability P(D >= h/lcm(m, n)) of the two-sample Kolmogorov-Smirnov statistic, by counting
 * monotone lattice paths from (0, 0) to (m, n) (Hodges 1958), the way SciPy 1.10's exact {@code ks_2samp} does.
 *
 * <p>The arithmetic follows SciPy operation for operation, so that a result just outside [0, 1] (which makes SciPy
 * fall back to the asymptotic distribution) appears here too. Not for direct use: see {@link KolmogorovSmirnov}.
 */
final class LatticePaths {

    private LatticePaths() {}

    /**
     * Equal sizes: the proportion of paths that touch one of the lines {@code x - y = +-h}, as the reflection series
     * {@code 2 * (A0 - A0*A1 + A0*A1*A2 - ...)} evaluated from the innermost factor outwards, where each factor is a
     * ratio of binomial coefficients written as a product of h simple fractions.
     *
     * @param n the common sample size, at least 1
     * @param h the lattice distance, 1 &lt;= h &lt;= n
     * @return P(D_{n,n} &gt;= h/n); may exceed 1 by rounding when h is 1
     */
    static double outsideSquare(int n, long h) {
        double p = 0.0;
        for (long k = n / h; k >= 0; k--) {
            double ratio = 1.0;
            for (long j = 0; j < h; j++) {
                ratio = (double) (n - k * h - j) * ratio / (double) (n + k * h + j + 1);
            }
            p = ratio * (1.0 - p);
        }
        return 2 * p;
    }

    /**
     * Unequal sizes: one minus the proportion of paths that stay strictly between the lines
     * {@code |n*x - m*y| = h*g} (Hodges' inside method), with the recursion rewritten to carry one minus the
     * proportion directly (Viehmann 2021, arXiv:2102.08037). One column of the path table is kept, as a sliding
     * window over y; cells outside the band hold 1.
     *
     * @param m one sample size
     * @param n the other sample size
     * @param g gcd(m, n)
     * @param h the lattice distance, 1 &lt;= h &lt;= lcm(m, n)
     * @return P(D_{m,n} &gt;= h/lcm(m, n))
     */
    static double outsideInside(int m, int n, long g, long h) {
        if (m < n) {
            int swap = m;
            m = n;
            n = swap;
        }
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min(ceilDiv(h, mg), n + 1L);
        int curlen = maxj - minj;
        // Every cell past the current window must read as 1 (outside the band); n + 2 cells are always enough.
        double[] column = new double[n + 2];
        Arrays.fill(column, 1.0);
        Arrays.fill(column, minj, maxj, 0.0);
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0L), n);
            maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1L);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            int shift = minj - lastminj;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                // shift >= 0, so column[jj + shift] is still the previous column's value when it is read.
                val = (column[jj + shift] * i + val * j) / (i + j);
                column[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                Arrays.fill(column, curlen, lastlen, 1.0);
            }
        }
        return column[maxj - minj - 1];
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
