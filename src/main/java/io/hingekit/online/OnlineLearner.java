package io.hingekit.online;

import io.hingekit.config.LossConfig;
import io.hingekit.config.LossType;
import io.hingekit.config.OnlineConfig;
import java.util.List;

/**
 * An online linear hinge learner: it scores an example, then learns from it with one update of its rule
 * ({@link PassiveAggressive} or {@link Pegasos}). Binary models have one score row and take class 1 as {@code +1},
 * class 0 as {@code -1}; multi-class models have one row per class and minimise Crammer and Singer's hinge
 * {@code max(0, margin - (s_y - s_r))}, where {@code r} is the highest-scoring wrong class (the max-violating one;
 * the first on ties), as in the multi-class PA of Crammer et al. (2006, section 7) and the multi-class Pegasos of
 * Shalev-Shwartz et al. (2011, section 5). Class weights {@code w_y} weigh the loss of an example of class {@code y}.
 * The bias is a weight like the others (see {@link LinearWeights}).
 *
 * <p>The update is in plain Java {@code double} arrays, not DJL arrays: it is inherently sequential (each example
 * needs the weights the previous one left) and tiny (a dot product and an axpy of 784 x 10 values), so one JNI call
 * into libtorch would cost more than the whole update, and double precision follows the NumPy reference of the
 * papers' rules to the last digits. The weights become a DJL parameter file only when a checkpoint writes the model.
 * Not thread-safe.
 */
public abstract class OnlineLearner {

    private final LinearWeights weights;
    private final double margin;
    private final double[] classWeights;
    private long steps;

    /**
     * Creates a learner with zero weights.
     *
     * @param weights the weights to learn (1 row for binary)
     * @param margin the hinge margin (the papers' 1)
     * @param classWeights the loss weight of each class, or null for 1 each
     */
    protected OnlineLearner(LinearWeights weights, double margin, List<Double> classWeights) {
        this.weights = weights;
        this.margin = margin;
        this.classWeights = classWeights == null ? null
                : classWeights.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Builds the learner of an online config.
     *
     * @param online the online section
     * @param loss the loss section (binary or multi-class hinge, margin, class weights)
     * @param classes the number of classes
     * @param features the number of features
     * @return the learner, with zero weights
     */
    public static OnlineLearner of(OnlineConfig online, LossConfig loss, int classes, int features) {
        boolean binary = loss.type() == LossType.BINARY_HINGE;
        LinearWeights weights = new LinearWeights(binary ? 1 : classes, features, online.bias());
        return switch (online.algorithm()) {
            case PEGASOS -> new Pegasos(weights, loss.margin(), loss.classWeights(), online.lambda(),
                    online.projection());
            case PA, PA_I, PA_II -> new PassiveAggressive(weights, loss.margin(), loss.classWeights(),
                    online.algorithm(), online.aggressiveness());
        };
    }

    /** Returns the weights (live: they change with every update). */
    public LinearWeights weights() {
        return weights;
    }

    /** Returns the number of examples learnt from ({@code t} of Pegasos). */
    public long steps() {
        return steps;
    }

    /**
     * Restores a checkpoint's state.
     *
     * @param rows the saved weight rows
     * @param savedSteps the saved number of examples learnt from
     */
    public void restore(double[][] rows, long savedSteps) {
        if (rows.length != weights.scores()) {
            throw new IllegalArgumentException("the checkpoint has " + rows.length + " weight rows, the config needs "
                    + weights.scores());
        }
        LinearWeights saved = LinearWeights.of(rows, weights.features(), weights.hasBias());
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(saved.row(r), 0, weights.row(r), 0, rows[r].length);
        }
        steps = savedSteps;
    }

    /** Returns whether the model is binary (one score row). */
    public boolean binary() {
        return weights.scores() == 1;
    }

    /**
     * Scores an example with the current weights.
     *
     * @param x the features
     * @return the scores (one for binary)
     */
    public double[] scores(float[] x) {
        return weights.scores(x);
    }

    /**
     * Returns the example's margin against its label: {@code y s} for binary, else {@code s_y - s_r} with
     * {@code r} the highest-scoring wrong class.
     *
     * @param scores the example's scores
     * @param label the class index
     * @return the signed margin and the rival class
     */
    public Margin margin(double[] scores, int label) {
        if (binary()) {
            return new Margin(sign(label) * scores[0], -1);
        }
        int rival = -1;
        for (int r = 0; r < scores.length; r++) {
            if (r != label && (rival < 0 || scores[r] > scores[rival])) {
                rival = r;
            }
        }
        return new Margin(scores[label] - scores[rival], rival);
    }

    /**
     * Returns the hinge loss {@code max(0, margin - signed margin)} of an example (without its class weight).
     *
     * @param margin the example's margin
     * @return the loss
     */
    public double hinge(Margin margin) {
        return Math.max(0, this.margin - margin.signed());
    }

    /**
     * Learns from one example: one update of the rule, from the scores it had before the update.
     *
     * @param x the features
     * @param label the class index
     * @param scores the scores of {@link #scores} for this example
     */
    public void learn(float[] x, int label, double[] scores) {
        steps++;
        Margin m = margin(scores, label);
        update(x, label, m, hinge(m), steps);
    }

    /**
     * Applies the rule's update.
     *
     * @param x the features
     * @param label the class index
     * @param margin the margin and rival class before the update
     * @param loss the hinge loss before the update (unweighted)
     * @param t the number of this example, from 1
     */
    protected abstract void update(float[] x, int label, Margin margin, double loss, long t);

    /**
     * Moves the weights by {@code step} along the example's direction: {@code w += step y x} for binary,
     * {@code w_y += step x} and {@code w_r -= step x} for multi-class.
     */
    protected void step(float[] x, int label, Margin margin, double step) {
        if (binary()) {
            weights.add(0, step * sign(label), x);
        } else {
            weights.add(label, step, x);
            weights.add(margin.rival(), -step, x);
        }
    }

    /**
     * Returns {@code ||Phi(x, y) - Phi(x, r)||^2}, the squared norm of the update direction: {@code ||x||^2} for
     * binary, {@code 2 ||x||^2} for multi-class (the bias's constant 1 included).
     */
    protected double directionSquaredNorm(float[] x) {
        return (binary() ? 1 : 2) * weights.squaredNorm(x);
    }

    /** Returns the loss weight of a class (1 without class weights). */
    protected double classWeight(int label) {
        return classWeights == null ? 1 : classWeights[label];
    }

    private static double sign(int label) {
        return label == 1 ? 1 : -1;
    }

    /**
     * An example's margin before an update.
     *
     * @param signed {@code y s} (binary) or {@code s_y - s_r}
     * @param rival the highest-scoring wrong class, -1 for binary
     */
    public record Margin(double signed, int rival) {}
}
