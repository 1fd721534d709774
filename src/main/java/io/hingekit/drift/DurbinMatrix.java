package io.hingekit.drift;

/**
 * Kolmogorov CDF P(D_n &lt;= d) from Durbin's (1968) matrix, evaluated as Marsaglia, Tsang and Wang (2003) do and as
 * SciPy's {@code _kolmogn_DMTW} does: with {@code d = (k - h)/n}, the answer is {@code n!/n^n} times the central
 * entry of {@code H^n} for an m x m matrix H, {@code m = 2k - 1}.
 *
 * <p>Memory O(m^2), time O(m^3 log n): suited to small {@code n*d}. Powers are kept in range by dividing by 2^128
 * and counting the exponent separately. Not for direct use: see {@link KolmogorovDistribution}.
 */
final class DurbinMatrix {

    private static final int SCALE_EXPONENT = 128;
    private static final double BIG = Math.scalb(1.0, SCALE_EXPONENT);
    private static final double SMALL = Math.scalb(1.0, -SCALE_EXPONENT);

    private DurbinMatrix() {}

    /**
     * P(D_n &lt;= d).
     *
     * @param n sample size, at least 1
     * @param d the statistic
     * @return the CDF, clipped to [0, 1]
     */
    static double cdf(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;

        // First column v and its mirror in the last row: v[j-1] = (1 - h^j)/j!; inner diagonals hold 1/(i-j+1)!.
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0.0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        double[][] matrix = new double[m][m];
        for (int col = 1; col < m; col++) {
            for (int row = col - 1; row < m; row++) {
                matrix[row][col] = w[row - col + 1];
            }
        }
        for (int row = 0; row < m; row++) {
            matrix[row][0] = v[row];
        }
        for (int col = 0; col < m; col++) {
            matrix[m - 1][col] = v[m - 1 - col];
        }

        double[][] power = identity(m);
        int exponent = 0;
        int matrixExponent = 0;
        for (int remaining = n; remaining > 0; remaining /= 2) {
            if (remaining % 2 == 1) {
                power = multiply(power, matrix);
                exponent += matrixExponent;
            }
            if (remaining == 1) {
                break; // SciPy squares once more here; the square is never used.
            }
            matrix = multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.abs(matrix[k - 1][k - 1]) > BIG) {
                scale(matrix, SMALL);
                matrixExponent += SCALE_EXPONENT;
            }
        }

        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SMALL) {
                p *= BIG;
                exponent -= SCALE_EXPONENT;
            }
        }
        if (exponent != 0) {
            p = Math.scalb(p, exponent);
        }
        return KolmogorovDistribution.clip(p);
    }

    private static double[][] identity(int m) {
        double[][] result = new double[m][m];
        for (int i = 0; i < m; i++) {
            result[i][i] = 1.0;
        }
        return result;
    }

    private static double[][] multiply(double[][] left, double[][] right) {
        int m = left.length;
        double[][] result = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] out = result[i];
            for (int l = 0; l < m; l++) {
                double factor = left[i][l];
                if (factor == 0.0) {
                    continue;
                }
                double[] row = right[l];
                for (int j = 0; j < m; j++) {
                    out[j] += factor * row[j];
                }
            }
        }
        return result;
    }

    private static void scale(double[][] matrix, double factor) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }
}
