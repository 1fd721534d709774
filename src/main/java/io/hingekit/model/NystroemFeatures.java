package io.hingekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.hingekit.config.FeatureMapConfig;
import io.hingekit.util.Checks;
import java.util.Random;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Nyström features of the RBF kernel {@code k(x, y) = exp(-gamma |x - y|^2)} (Williams and Seeger, 2001), as a
 * fixed DJL block on flattened inputs (N, d), with m landmarks {@code L} sampled from the training set:
 *
 * <pre>
 *   z(x) = k(x, L) K_mm^{-1/2},   K_mm = k(L, L) = U diag(lambda) U^T,
 *   K_mm^{-1/2} = U diag(1 / sqrt(max(lambda, 1e-12))) U^T
 * </pre>
 *
 * <p>so that {@code z(x) . z(y) = k(x, L) K_mm^{-1} k(L, y)}, exact when the landmarks are all the points; the same
 * map as scikit-learn's {@code Nystroem} (which takes the inverse square root from an SVD, equal for this symmetric
 * matrix) up to the choice of landmarks.
 *
 * <p>{@link #fit} samples the landmarks (seeded, without replacement) and computes {@code K_mm} on the device, then
 * its eigendecomposition on the host (Apache Commons Math, double precision); the training service calls it once,
 * before the first epoch. Both arrays are parameters that need no gradient, never updated by the optimizer, saved in
 * {@code model.params}; loading a model reads them back. Until it is fitted the map is all zeros.
 */
public final class NystroemFeatures extends AbstractBlock {

    private static final byte VERSION = 1;
    /** Eigenvalues are clipped here before the inverse square root, as scikit-learn does. */
    private static final double MIN_EIGENVALUE = 1e-12;

    private final int components;
    private final double gamma;
    private final long seed;
    private final Parameter landmarks;
    private final Parameter normalization;

    /**
     * Creates the (unfitted) map.
     *
     * @param config gamma, components (the number of landmarks) and seed
     */
    public NystroemFeatures(FeatureMapConfig config) {
        super(VERSION);
        this.components = Checks.positive("components", config.components());
        this.gamma = Checks.positiveFinite("gamma", config.gamma());
        this.seed = config.seed();
        this.landmarks = addParameter(fixed("landmarks"));
        this.normalization = addParameter(fixed("normalization"));
    }

    private static Parameter fixed(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optInitializer(Initializer.ZEROS).build();
    }

    /**
     * Samples the landmarks from the training features and computes {@code K_mm^{-1/2}}.
     *
     * @param features the training features as the network sees them, (N, ...), flattened here
     * @throws IllegalArgumentException when there are fewer samples than components
     */
    public void fit(NDArray features) {
        NDArray rows = features.reshape(features.getShape().get(0), -1).toType(DataType.FLOAT32, false);
        int n = Math.toIntExact(rows.getShape().get(0));
        Checks.check(components <= n, "model.featureMap.components", "at most the " + n
                + " training samples for nystroem (one landmark each)", components);
        NDArray chosen = rows.get(rows.getManager().create(sample(n)));
        RealMatrix kernel = MatrixUtils.createRealMatrix(components, components);
        float[] values = kernel(chosen, chosen).toFloatArray();
        for (int i = 0; i < components; i++) {
            for (int j = 0; j < components; j++) {
                kernel.setEntry(i, j, values[i * components + j]);
            }
        }
        landmarks.getArray().set(chosen.toFloatArray());
        normalization.getArray().set(inverseSquareRoot(kernel));
    }

    /** The first {@code components} of a seeded shuffle of 0..n-1 (partial Fisher-Yates). */
    private long[] sample(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        long[] chosen = new long[components];
        for (int i = 0; i < components; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            chosen[i] = order[i];
        }
        return chosen;
    }

    private static float[] inverseSquareRoot(RealMatrix symmetric) {
        EigenDecomposition eigen = new EigenDecomposition(symmetric);
        RealMatrix u = eigen.getV();
        double[] lambda = eigen.getRealEigenvalues();
        int m = lambda.length;
        RealMatrix scaled = u.copy();
        for (int j = 0; j < m; j++) {
            double factor = 1 / Math.sqrt(Math.max(lambda[j], MIN_EIGENVALUE));
            for (int i = 0; i < m; i++) {
                scaled.setEntry(i, j, scaled.getEntry(i, j) * factor);
            }
        }
        double[][] product = scaled.multiply(u.transpose()).getData();
        float[] out = new float[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = (float) product[i][j];
            }
        }
        return out;
    }

    /** {@code exp(-gamma |a_i - b_j|^2)}, (rows of a) x (rows of b), on the device. */
    private NDArray kernel(NDArray a, NDArray b) {
        NDArray squared = a.square().sum(new int[] {1}, true).add(b.square().sum(new int[] {1}).reshape(1, -1))
                .sub(a.matMul(b.transpose()).mul(2)).maximum(0f);
        return squared.mul(-gamma).exp();
    }

    /** Returns m, the number of landmarks and of features. */
    public int components() {
        return components;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray l = store.getValue(landmarks, x.getDevice(), training);
        NDArray k = kernel(x, l);
        return new NDList(k.matMul(store.getValue(normalization, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), components)};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        if (input.dimension() != 2) {
            throw new IllegalArgumentException("Nystroem features take flattened inputs (N, d), got " + input);
        }
        landmarks.setShape(new Shape(components, input.get(1)));
        normalization.setShape(new Shape(components, components));
    }

    @Override
    public String toString() {
        return "NystroemFeatures(gamma=" + gamma + ", components=" + components + ", seed=" + seed + ")";
    }
}
