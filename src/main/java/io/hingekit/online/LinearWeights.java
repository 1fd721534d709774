package io.hingekit.online;

/**
 * The weights of a linear model learnt online: one row per score (1 for binary, K for K classes), each row the
 * feature weights followed, when the model has a bias, by the bias. The bias is the weight of a constant feature 1
 * appended to every example, so every update rule treats it exactly as a feature weight (PA counts the 1 in
 * {@code ||x||^2}; Pegasos shrinks and projects it with the rest), as in the papers' formulation of a model without
 * an explicit bias. Plain {@code double} arrays: see {@link OnlineLearner} for why. Not thread-safe.
 */
public final class LinearWeights {

    private final double[][] rows;
    private final int features;
    private final boolean bias;

    /**
     * Creates zero weights.
     *
     * @param scores rows (1 for binary, else the number of classes)
     * @param features features per example
     * @param bias whether the model has a bias
     */
    public LinearWeights(int scores, int features, boolean bias) {
        this(new double[scores][features + (bias ? 1 : 0)], features, bias);
    }

    private LinearWeights(double[][] rows, int features, boolean bias) {
        this.rows = rows;
        this.features = features;
        this.bias = bias;
    }

    /**
     * Wraps saved rows (of a checkpoint).
     *
     * @param rows the rows, each {@code features} long plus 1 with a bias
     * @param features features per example
     * @param bias whether the last column is the bias
     * @return the weights, sharing the arrays
     * @throws IllegalArgumentException when a row has another length
     */
    public static LinearWeights of(double[][] rows, int features, boolean bias) {
        for (double[] row : rows) {
            if (row.length != features + (bias ? 1 : 0)) {
                throw new IllegalArgumentException("a weight row has " + row.length + " values, expected "
                        + (features + (bias ? 1 : 0)));
            }
        }
        return new LinearWeights(rows, features, bias);
    }

    /** Returns the number of score rows. */
    public int scores() {
        return rows.length;
    }

    /** Returns the number of features per example. */
    public int features() {
        return features;
    }

    /** Returns whether the model has a bias (the last column). */
    public boolean hasBias() {
        return bias;
    }

    /** Returns a row's feature weights and, with a bias, the bias last (the live array). */
    double[] row(int index) {
        return rows[index];
    }

    /** Returns a copy of the rows. */
    public double[][] copyRows() {
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }

    /**
     * Returns the scores {@code w_r . x (+ b_r)} of an example.
     *
     * @param x the features
     * @return one score per row
     */
    public double[] scores(float[] x) {
        double[] s = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double[] w = rows[r];
            double sum = bias ? w[features] : 0;
            for (int j = 0; j < features; j++) {
                sum += w[j] * x[j];
            }
            s[r] = sum;
        }
        return s;
    }

    /**
     * Returns {@code ||x||^2} of the example as the weights see it (the constant 1 of the bias included).
     *
     * @param x the features
     * @return the squared norm
     */
    public double squaredNorm(float[] x) {
        double sum = bias ? 1 : 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return sum;
    }

    /**
     * Adds {@code step * x} (and {@code step} to the bias) to one row.
     *
     * @param row the row
     * @param step the coefficient
     * @param x the features
     */
    public void add(int row, double step, float[] x) {
        double[] w = rows[row];
        for (int j = 0; j < features; j++) {
            w[j] += step * x[j];
        }
        if (bias) {
            w[features] += step;
        }
    }

    /**
     * Multiplies every weight (biases included) by a factor.
     *
     * @param factor the factor
     */
    public void scale(double factor) {
        for (double[] w : rows) {
            for (int j = 0; j < w.length; j++) {
                w[j] *= factor;
            }
        }
    }

    /** Returns the squared Frobenius norm of all weights, biases included. */
    public double squaredNorm() {
        double sum = 0;
        for (double[] w : rows) {
            for (double v : w) {
                sum += v * v;
            }
        }
        return sum;
    }
}
