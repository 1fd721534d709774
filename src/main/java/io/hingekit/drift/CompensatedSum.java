package io.hingekit.drift;

/**
 * A running sum with Neumaier's compensation (Kahan-Babuska), for sums of many terms of very different size: the
 * Wasserstein integral here, and its partial sums from the partitions of a distributed walk. Not thread-safe.
 */
public final class CompensatedSum {

    private double sum;
    private double compensation;

    /** Starts at zero. */
    public CompensatedSum() {}

    /**
     * Adds a term.
     *
     * @param term the term
     * @return this sum
     */
    public CompensatedSum add(double term) {
        double total = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? (sum - total) + term : (term - total) + sum;
        sum = total;
        return this;
    }

    /** Returns the compensated sum of the terms added so far. */
    public double value() {
        return sum + compensation;
    }
}
