package io.hingekit.drift;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;

/**
 * Population stability index (PSI) of a current sample against a reference sample, on bins cut at the reference's
 * quantiles.
 *
 * <p>Definition used here, step by step:
 * <ol>
 *   <li>Edges: {@code np.quantile(reference, np.linspace(0, 1, bins + 1))} with NumPy's default ({@code 'linear'})
 *       method, i.e. at the virtual index {@code (n-1)*q} of the sorted reference, interpolating linearly between the
 *       two neighbouring values.</li>
 *   <li>Ties: duplicate edges (from repeated values in the reference) are collapsed, as {@code np.unique} would; the
 *       lowest and highest distinct edges are then opened to -inf and +inf, so every value of either sample falls in
 *       a bin. A reference with many ties therefore gives fewer than {@code bins} bins; a constant one gives one bin
 *       and a PSI of 0.</li>
 *   <li>Bins are closed on the right: {@code (e[k-1], e[k]]}, so a value equal to an edge counts in the bin below
 *       it, and all copies of a tied value land in one bin.</li>
 *   <li>Proportions {@code r} (reference) and {@code c} (current) are the fractions of each sample per bin; each is
 *       raised to at least {@code floor} ({@code max(p, floor)}, default 1e-4, the value Evidently puts into empty
 *       bins) so that the logarithm stays finite.</li>
 *   <li>{@code PSI = sum (c - r) * ln(c / r)} over the bins.</li>
 * </ol>
 * A common reading: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a major shift.
 *
 * <p>Built with {@link #builder()}; immutable and thread-safe. O(n log n) for the reference (sorting), O(m log bins)
 * for the current sample.
 */
public final class PopulationStabilityIndex {

    /** Default number of quantile bins. */
    public static final int DEFAULT_BINS = 10;
    /** Default lower bound on a bin proportion (Evidently's value for empty bins). */
    public static final double DEFAULT_FLOOR = 1e-4;

    private final int bins;
    private final double floor;

    private PopulationStabilityIndex(Builder builder) {
        this.bins = builder.bins;
        this.floor = builder.floor;
    }

    /**
     * Starts a configuration with {@link #DEFAULT_BINS} bins and a floor of {@link #DEFAULT_FLOOR}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The PSI with the default bins and floor.
     *
     * @param reference the reference sample; non-empty and finite
     * @param current the current sample; non-empty and finite
     * @return the index
     * @throws IllegalArgumentException if a sample is null, empty, or contains NaN or an infinity
     */
    public static double of(double[] reference, double[] current) {
        return builder().build().compute(reference, current).value();
    }

    /**
     * Computes the PSI and the bins it was computed on.
     *
     * @param reference the reference sample, which sets the bins; non-empty and finite
     * @param current the current sample; non-empty and finite
     * @return the index, bin boundaries and per-bin proportions
     * @throws IllegalArgumentException if a sample is null, empty, or contains NaN or an infinity
     */
    public PsiResult compute(double[] reference, double[] current) {
        double[] sortedReference = Samples.sortedFiniteCopy(reference, "reference", "the PSI");
        Samples.requireFinite(current, "current", "the PSI");
        double[] boundaries = boundaries(sortedReference.length, rank -> sortedReference[(int) rank]);
        long[] referenceCounts = counts(reference, boundaries);
        long[] currentCounts = counts(current, boundaries);
        return new PsiResult(fromCounts(referenceCounts, currentCounts), boundaries,
                proportions(referenceCounts, reference.length), proportions(currentCounts, current.length));
    }

    /**
     * The ranks (0-based, in the sorted reference) whose values {@link #boundaries} reads: what a caller holding the
     * reference elsewhere (a distributed sort) must fetch.
     *
     * @param n the reference's size, at least 1
     * @return the ranks, ascending, without repeats
     */
    public SortedSet<Long> boundaryRanks(long n) {
        SortedSet<Long> ranks = new TreeSet<>();
        boundaries(n, rank -> {
            ranks.add(rank);
            return 0.0;
        });
        return ranks;
    }

    /**
     * The inner bin boundaries: the distinct quantile edges of the reference, without the lowest and highest (the
     * outer bins are open).
     *
     * @param n the reference's size, at least 1
     * @param sorted the value at a rank of the sorted reference (only the ranks of {@link #boundaryRanks} are asked)
     * @return the boundaries, ascending; empty when the reference has a single distinct edge pair
     */
    public double[] boundaries(long n, LongToDoubleFunction sorted) {
        double[] edges = new double[bins + 1];
        double step = 1.0 / bins;
        for (int k = 0; k <= bins; k++) {
            edges[k] = quantile(sorted, n, k == bins ? 1.0 : k * step);
        }
        Arrays.sort(edges);
        // Collapse equal edges with primitive comparison (so -0.0 and 0.0 are one edge, as in np.unique).
        int distinct = 0;
        for (int k = 0; k < edges.length; k++) {
            if (k == 0 || edges[k] != edges[distinct - 1]) {
                edges[distinct++] = edges[k];
            }
        }
        return distinct <= 2 ? new double[0] : Arrays.copyOfRange(edges, 1, distinct - 1);
    }

    /**
     * The bin of a value: the number of boundaries strictly below it (right-closed bins).
     *
     * @param boundaries the inner boundaries, ascending
     * @param value the value
     * @return the bin index, 0 to {@code boundaries.length}
     */
    public static int bin(double[] boundaries, double value) {
        int low = 0;
        int high = boundaries.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (boundaries[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The index from the two samples' bin counts.
     *
     * @param referenceCounts values of the reference per bin
     * @param currentCounts values of the current sample per bin (as many bins)
     * @return {@code sum (c - r) ln(c / r)} over the floored proportions
     * @throws IllegalArgumentException if the bin counts differ or a sample is empty
     */
    public double fromCounts(long[] referenceCounts, long[] currentCounts) {
        if (referenceCounts.length != currentCounts.length) {
            throw new IllegalArgumentException("bin counts differ: " + referenceCounts.length + " reference bins, "
                    + currentCounts.length + " current bins");
        }
        double[] reference = proportions(referenceCounts, Arrays.stream(referenceCounts).sum());
        double[] current = proportions(currentCounts, Arrays.stream(currentCounts).sum());
        double value = 0.0;
        for (int k = 0; k < reference.length; k++) {
            double r = Math.max(reference[k], floor);
            double c = Math.max(current[k], floor);
            value += (c - r) * Math.log(c / r);
        }
        return value;
    }

    /** NumPy's {@code 'linear'} quantile of a sorted sample, with NumPy's two-sided interpolation formula. */
    private static double quantile(LongToDoubleFunction sorted, long n, double q) {
        double index = (n - 1) * q;
        if (index >= n - 1) {
            return sorted.applyAsDouble(n - 1);
        }
        long below = (long) Math.floor(index);
        double gamma = index - below;
        double a = sorted.applyAsDouble(below);
        double b = sorted.applyAsDouble(below + 1);
        double difference = b - a;
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
    }

    private static long[] counts(double[] values, double[] boundaries) {
        long[] counts = new long[boundaries.length + 1];
        for (double value : values) {
            counts[bin(boundaries, value)]++;
        }
        return counts;
    }

    private static double[] proportions(long[] counts, long total) {
        if (total < 1) {
            throw new IllegalArgumentException("a sample is empty; the PSI needs at least one value per sample");
        }
        double[] result = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            result[k] = (double) counts[k] / total;
        }
        return result;
    }

    /** Settings for a {@link PopulationStabilityIndex}; methods are named after the property they set. */
    public static final class Builder {

        private int bins = DEFAULT_BINS;
        private double floor = DEFAULT_FLOOR;

        private Builder() {}

        /**
         * Sets the number of quantile bins before ties are collapsed.
         *
         * @param bins at least 1
         * @return this builder
         */
        public Builder bins(int bins) {
            this.bins = bins;
            return this;
        }

        /**
         * Sets the lower bound applied to every bin proportion.
         *
         * @param floor in (0, 1)
         * @return this builder
         */
        public Builder floor(double floor) {
            this.floor = floor;
            return this;
        }

        /**
         * Checks the settings and builds.
         *
         * @return the configured index
         * @throws IllegalArgumentException if bins is below 1 or floor is not in (0, 1)
         */
        public PopulationStabilityIndex build() {
            if (bins < 1) {
                throw new IllegalArgumentException("bins must be at least 1, got " + bins);
            }
            if (!(floor > 0.0 && floor < 1.0)) {
                throw new IllegalArgumentException("floor must be in (0, 1), got " + floor);
            }
            return new PopulationStabilityIndex(this);
        }
    }
}
