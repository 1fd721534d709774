/**
 * Two-sample statistics for margin drift, on plain {@code double[]} samples (margins read from files), with the
 * numbers SciPy 1.10 gives.
 *
 * <p>Main types:
 * <ul>
 *   <li>{@link io.hingekit.drift.KolmogorovSmirnov#twoSample} - two-sided two-sample KS test, as
 *       {@code scipy.stats.ks_2samp(a, b)} with its default {@code method='auto'}: the exact p-value (lattice-path
 *       counting) when both sizes are at most 10000, the asymptotic one ({@code kstwo.sf(D, round(n1*n2/(n1+n2)))},
 *       the finite-n Kolmogorov distribution, not its n -&gt; infinity limit) above, and the asymptotic one wherever
 *       SciPy's exact computation gives up. We keep SciPy's switch so that a p-value logged here can be checked
 *       against SciPy without saying which mode was used; {@link io.hingekit.drift.KsResult#method()} reports it.</li>
 *   <li>{@link io.hingekit.drift.Wasserstein#distance} - first Wasserstein distance, as
 *       {@code scipy.stats.wasserstein_distance(u, v)}, in the units of the data.</li>
 *   <li>{@link io.hingekit.drift.PopulationStabilityIndex} - PSI on bins cut at the reference's NumPy-linear
 *       quantiles (ties collapsed, outer edges open, right-closed bins), {@code sum (c - r) ln(c / r)} with each bin
 *       proportion floored at 1e-4 by default (Evidently's value); 10 bins by default.</li>
 *   <li>For callers that hold the samples elsewhere (the Spark job): {@link io.hingekit.drift.KolmogorovSmirnov#test}
 *       (the p-value of a D computed from extreme CDF differences, {@link
 *       io.hingekit.drift.KolmogorovSmirnov#statistic(double, double)}), {@link
 *       io.hingekit.drift.PopulationStabilityIndex#boundaryRanks} / {@code boundaries} / {@code bin} /
 *       {@code fromCounts}, and {@link io.hingekit.drift.CompensatedSum} for the Wasserstein integral.</li>
 *   <li>{@link io.hingekit.drift.MultipleTesting} - Bonferroni and Benjamini-Hochberg adjusted p-values, as
 *       statsmodels' {@code multipletests}, chosen by a config word.</li>
 * </ul>
 *
 * <p>Samples must be non-empty and free of NaN (an {@link java.lang.IllegalArgumentException} names the sample and
 * the index); the Wasserstein distance and PSI also need finite values. Everything is sort-based,
 * O((n+m) log(n+m)), stateless or immutable, and thread-safe.
 *
 * <p>Example:
 * <pre>{@code
 * KsResult ks = KolmogorovSmirnov.twoSample(referenceMargins, currentMargins);
 * double psi = PopulationStabilityIndex.builder().bins(10).build().compute(referenceMargins, currentMargins).value();
 * double[] adjusted = MultipleTesting.parse("bh").adjust(new double[] {ks.pValue(), otherPValue});
 * }</pre>
 *
 * <p><b>Layering:</b> plain-Java statistics outside the training stack; may import util and files only.
 */
package io.hingekit.drift;
