package io.hingekit.calibration;

/**
 * Fits Platt's sigmoid to hinge scores by the Newton method with backtracking line search of Lin, Lin and Weng
 * ("A note on Platt's probabilistic outputs for support vector machines", Machine Learning 68, 2007), the
 * algorithm of libsvm's {@code sigmoid_train}.
 *
 * <p>It minimises the cross-entropy between {@code p_i = 1 / (1 + exp(A s_i + B))} and Platt's smoothed targets
 * {@code t+ = (N+ + 1) / (N+ + 2)} for positives and {@code t- = 1 / (N- + 2)} for negatives, starting from
 * {@code A = 0}, {@code B = log((N- + 1) / (N+ + 1))}. Each step solves {@code (H + sigma I) d = -g} with
 * {@code sigma = 1e-12} and halves the step from 1 until the loss falls by at least {@code 1e-4 * step * g.d};
 * it stops when both gradient components are below {@code 1e-5} in absolute value, when the step would fall below
 * {@code 1e-10}, or after 100 iterations. Every loss term is evaluated as {@code t f + log(1 + exp(-f))} or
 * {@code (t - 1) f + log(1 + exp(f))} whichever exponent is not positive, so scores of any finite size (hinge
 * scores of 1e6, perfectly separated classes) give no overflow and no NaN; the smoothed targets keep the optimum
 * finite even for separable scores. Stateless and thread-safe.
 */
public final class PlattScaling {

    /** Most Newton iterations (libsvm's {@code max_iter}). */
    public static final int MAX_ITERATIONS = 100;

    /** Smallest step of the backtracking line search (libsvm's {@code min_step}). */
    public static final double MIN_STEP = 1e-10;

    /** Added to the Hessian's diagonal so it stays positive definite (libsvm's {@code sigma}). */
    public static final double HESSIAN_RIDGE = 1e-12;

    /** Stopping threshold on both gradient components (libsvm's {@code eps}). */
    public static final double GRADIENT_TOLERANCE = 1e-5;

    /** Sufficient-decrease constant of the line search. */
    private static final double ARMIJO = 1e-4;

    private PlattScaling() {}

    /**
     * Fits the sigmoid.
     *
     * @param scores the hinge scores of a validation split, all finite
     * @param positive whether each sample belongs to the positive class, as many values as {@code scores}
     * @return the fitted sigmoid, whose {@link Sigmoid#probability(double)} estimates {@code P(positive | s)}
     * @throws IllegalArgumentException when the arrays differ in length, a score is NaN or infinite, or either class
     *     has no sample
     */
    public static Sigmoid fit(double[] scores, boolean[] positive) {
        check(scores, positive);
        int n = scores.length;
        double prior1 = 0;
        for (boolean p : positive) {
            if (p) {
                prior1++;
            }
        }
        double prior0 = n - prior1;
        double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        double loTarget = 1.0 / (prior0 + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = positive[i] ? hiTarget : loTarget;
        }
        double a = 0.0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = loss(scores, t, a, b);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double h11 = HESSIAN_RIDGE;
            double h22 = HESSIAN_RIDGE;
            double h21 = 0.0;
            double g1 = 0.0;
            double g2 = 0.0;
            for (int i = 0; i < n; i++) {
                double s = scores[i];
                double fApB = s * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    double e = Math.exp(-fApB);
                    p = e / (1.0 + e);
                    q = 1.0 / (1.0 + e);
                } else {
                    double e = Math.exp(fApB);
                    p = 1.0 / (1.0 + e);
                    q = e / (1.0 + e);
                }
                double d2 = p * q;
                h11 += s * s * d2;
                h22 += d2;
                h21 += s * d2;
                double d1 = t[i] - p;
                g1 += s * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < GRADIENT_TOLERANCE && Math.abs(g2) < GRADIENT_TOLERANCE) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1.0;
            boolean moved = false;
            while (step >= MIN_STEP) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newf = loss(scores, t, newA, newB);
                if (newf < fval + ARMIJO * step * gd) {
                    a = newA;
                    b = newB;
                    fval = newf;
                    moved = true;
                    break;
                }
                step /= 2.0;
            }
            if (!moved) {
                break;
            }
        }
        return new Sigmoid(a, b);
    }

    /**
     * Platt's objective: the cross-entropy of the targets against the sigmoid, summed over the samples, each term
     * evaluated so that no exponent is positive.
     *
     * @param scores the scores
     * @param targets the smoothed targets
     * @param a slope
     * @param b offset
     * @return the loss; infinite (never NaN) when {@code a * s + b} overflows
     */
    static double loss(double[] scores, double[] targets, double a, double b) {
        double sum = 0.0;
        for (int i = 0; i < scores.length; i++) {
            double fApB = scores[i] * a + b;
            if (fApB >= 0) {
                sum += targets[i] * fApB + Math.log(1.0 + Math.exp(-fApB));
            } else {
                sum += (targets[i] - 1.0) * fApB + Math.log(1.0 + Math.exp(fApB));
            }
        }
        return sum;
    }

    private static void check(double[] scores, boolean[] positive) {
        if (scores == null || positive == null) {
            throw new IllegalArgumentException("scores and positive must not be null");
        }
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores has " + scores.length + " values but positive has "
                    + positive.length);
        }
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] must be finite, got " + scores[i]);
            }
            if (positive[i]) {
                positives++;
            }
        }
        if (positives == 0) {
            throw new IllegalArgumentException("positive has no true value among " + scores.length
                    + " samples: Platt scaling needs samples of both classes");
        }
        if (positives == scores.length) {
            throw new IllegalArgumentException("positive has no false value among " + scores.length
                    + " samples: Platt scaling needs samples of both classes");
        }
    }
}
