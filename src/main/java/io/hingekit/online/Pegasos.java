package io.hingekit.online;

import java.util.List;

/**
 * Pegasos (Shalev-Shwartz, Singer, Srebro and Cotter, "Pegasos: Primal Estimated sub-GrAdient SOlver for SVM",
 * Mathematical Programming 2011) with one example per step ({@code k = 1}): at step {@code t} (from 1), with
 * {@code eta = 1 / (lambda t)},
 * <pre>
 * W &lt;- (1 - eta lambda) W + eta w_y Phi     when the example's hinge loss is &gt; 0
 * W &lt;- (1 - eta lambda) W                   otherwise
 * W &lt;- min(1, (1 / sqrt(lambda)) / ||W||) W  with projection
 * </pre>
 * where {@code Phi} is {@code y x} (binary) or {@code +x} on the true class and {@code -x} on the max-violating wrong
 * class (the multi-class sub-gradient of the paper's section 5), {@code w_y} the class weight (1 without) and
 * {@code ||W||} the Frobenius norm of all weights. The bias is shrunk and projected with the other weights, as the
 * paper's model without an explicit bias on features extended by a constant 1 (its section 6 discusses the
 * alternatives).
 */
public final class Pegasos extends OnlineLearner {

    private final double lambda;
    private final boolean projection;

    /**
     * Creates a learner with zero weights.
     *
     * @param weights the weights
     * @param margin the hinge margin
     * @param classWeights loss weight per class, or null
     * @param lambda the regularisation strength
     * @param projection whether each step ends with the projection onto the ball of radius {@code 1 / sqrt(lambda)}
     */
    public Pegasos(LinearWeights weights, double margin, List<Double> classWeights, double lambda,
            boolean projection) {
        super(weights, margin, classWeights);
        this.lambda = lambda;
        this.projection = projection;
    }

    @Override
    protected void update(float[] x, int label, Margin margin, double loss, long t) {
        double eta = 1 / (lambda * t);
        weights().scale(1 - eta * lambda);
        if (loss > 0) {
            step(x, label, margin, eta * classWeight(label));
        }
        if (projection) {
            double norm = Math.sqrt(weights().squaredNorm());
            double radius = 1 / Math.sqrt(lambda);
            if (norm > radius) {
                weights().scale(radius / norm);
            }
        }
    }
}
