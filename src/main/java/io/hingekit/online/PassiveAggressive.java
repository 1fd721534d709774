package io.hingekit.online;

import io.hingekit.config.OnlineAlgorithm;
import java.util.List;

/**
 * Passive-aggressive updates (Crammer, Dekel, Keshet, Shalev-Shwartz and Singer, "Online Passive-Aggressive
 * Algorithms", JMLR 2006): after an example with hinge loss {@code l > 0}, the weights move along the example's
 * direction {@code Phi} ({@code y x} binary; {@code +x} on the true class and {@code -x} on the max-violating wrong
 * class, multi-class) by
 * <pre>
 * PA     tau = l / ||Phi||^2
 * PA-I   tau = min(C w_y, l / ||Phi||^2)
 * PA-II  tau = l / (||Phi||^2 + 1 / (2 C w_y))
 * </pre>
 * with {@code ||Phi||^2 = ||x||^2} (binary) or {@code 2 ||x||^2} (multi-class), the bias's constant 1 counted in
 * {@code ||x||^2}, and {@code w_y} the class weight (1 without), which scales the aggressiveness as a weight on the
 * example's slack in the PA-I and PA-II objectives. An example with zero loss leaves the weights as they are
 * (passive); so does an all-zero example without a bias ({@code ||Phi|| = 0}, no direction to move in).
 */
public final class PassiveAggressive extends OnlineLearner {

    private final OnlineAlgorithm rule;
    private final double aggressiveness;

    /**
     * Creates a learner with zero weights.
     *
     * @param weights the weights
     * @param margin the hinge margin
     * @param classWeights loss weight per class, or null (not with PA)
     * @param rule PA, PA-I or PA-II
     * @param aggressiveness C (PA-I and PA-II; ignored by PA)
     */
    public PassiveAggressive(LinearWeights weights, double margin, List<Double> classWeights, OnlineAlgorithm rule,
            Double aggressiveness) {
        super(weights, margin, classWeights);
        if (rule == OnlineAlgorithm.PEGASOS) {
            throw new IllegalArgumentException("rule must be pa, pa-i or pa-ii, got pegasos");
        }
        this.rule = rule;
        this.aggressiveness = rule.hasAggressiveness() ? aggressiveness : 0;
    }

    @Override
    protected void update(float[] x, int label, Margin margin, double loss, long t) {
        double norm = directionSquaredNorm(x);
        if (loss <= 0 || norm == 0) {
            return;
        }
        double c = aggressiveness * classWeight(label);
        double tau = switch (rule) {
            case PA -> loss / norm;
            case PA_I -> Math.min(c, loss / norm);
            case PA_II -> loss / (norm + 1 / (2 * c));
            case PEGASOS -> throw new IllegalStateException("not a PA rule");
        };
        step(x, label, margin, tau);
    }
}
