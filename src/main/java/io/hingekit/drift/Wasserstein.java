package io.hingekit.drift;

/**
 * First Wasserstein (earth mover's) distance between two one-dimensional samples, as SciPy 1.10's
 * {@code scipy.stats.wasserstein_distance(u, v)} computes it without weights: the integral of
 * {@code |F_u(t) - F_v(t)|} over t, where F are the empirical CDFs.
 *
 * <p>Both samples are sorted once and walked together; between consecutive distinct values of the merged data the
 * CDF difference is constant, so the integral is a sum of {@code |i/n_u - j/n_v| * (next - value)}, accumulated with
 * compensated summation. The result is in the units of the data. O((n_u+n_v) log(n_u+n_v)); stateless and
 * thread-safe.
 */
public final class Wasserstein {

    private Wasserstein() {}

    /**
     * The distance between two samples.
     *
     * @param u one sample; non-empty and finite
     * @param v the other sample; non-empty and finite
     * @return the distance, at least 0
     * @throws IllegalArgumentException if a sample is null, empty, or contains NaN or an infinity
     */
    public static double distance(double[] u, double[] v) {
        double[] a = Samples.sortedFiniteCopy(u, "u", "the Wasserstein distance");
        double[] b = Samples.sortedFiniteCopy(v, "v", "the Wasserstein distance");
        int n1 = a.length;
        int n2 = b.length;
        int i = 0;
        int j = 0;
        CompensatedSum sum = new CompensatedSum();
        double value = Math.min(a[0], b[0]);
        while (i < n1 || j < n2) {
            while (i < n1 && a[i] <= value) {
                i++;
            }
            while (j < n2 && b[j] <= value) {
                j++;
            }
            if (i == n1 && j == n2) {
                break;
            }
            double next = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
            sum.add(Math.abs((double) i / n1 - (double) j / n2) * (next - value));
            value = next;
        }
        return sum.value();
    }
}
