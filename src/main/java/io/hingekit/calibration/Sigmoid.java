package io.hingekit.calibration;

/**
 * Platt's sigmoid mapping a hinge score to a probability: {@code P(positive | s) = 1 / (1 + exp(a * s + b))}.
 *
 * <p>A fitted sigmoid has {@code a < 0} when larger scores mean "more positive". Immutable and thread-safe.
 *
 * @param a slope, applied to the score (finite)
 * @param b offset (finite)
 */
public record Sigmoid(double a, double b) {

    /**
     * Checks the parameters.
     *
     * @param a slope
     * @param b offset
     * @throws IllegalArgumentException when {@code a} or {@code b} is NaN or infinite
     */
    public Sigmoid {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be finite, got " + a);
        }
        if (!Double.isFinite(b)) {
            throw new IllegalArgumentException("b must be finite, got " + b);
        }
    }

    /**
     * The probability of the positive class for one score, computed without overflow: with {@code f = a * s + b},
     * {@code exp(-f) / (1 + exp(-f))} when {@code f >= 0} and {@code 1 / (1 + exp(f))} otherwise (libsvm's form).
     *
     * @param score a hinge score; an infinite one gives 0 or 1 when {@code a != 0}, and NaN comes out when
     *     {@code a * s + b} is NaN
     * @return the probability, in [0, 1]
     */
    public double probability(double score) {
        double f = a * score + b;
        if (f >= 0) {
            double e = Math.exp(-f);
            return e / (1.0 + e);
        }
        return 1.0 / (1.0 + Math.exp(f));
    }
}
