package io.hingekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.hingekit.config.FeatureMapConfig;
import io.hingekit.util.Checks;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Random Fourier features of the RBF kernel {@code k(x, y) = exp(-gamma |x - y|^2)} (Rahimi and Recht, 2007), as a
 * fixed DJL block on flattened inputs (N, d):
 *
 * <pre>
 *   z(x) = sqrt(2 / D) * cos(x W + b),   W ~ N(0, 2 gamma) (d x D),   b ~ U(0, 2 pi) (D)
 * </pre>
 *
 * <p>so that {@code z(x) . z(y)} is an unbiased estimate of {@code k(x, y)} with standard deviation below
 * {@code 1 / sqrt(D)}; scikit-learn's {@code RBFSampler} computes the same map from its own random draws.
 *
 * <p>{@code W} ("frequencies") and {@code b} ("phases") are parameters that need no gradient: the optimizer never
 * updates them (it sees only parameters that require gradients, so weight decay does not touch them either), and
 * they are saved in {@code model.params} with the trained head, so every command that loads the model computes the
 * same map. They are drawn on the host from the config's seed ({@link SplittableRandom}), hence identical on every
 * device and engine, when the block is initialised (two seeds from {@code SplittableRandom(seed)}, then
 * {@code java.util.Random} draws in row-major order); loading a model overwrites them with the saved values.
 */
public final class RandomFourierFeatures extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int components;
    private final double gamma;
    private final long seed;
    private final Parameter frequencies;
    private final Parameter phases;

    /**
     * Creates the map.
     *
     * @param config gamma, components and seed
     */
    public RandomFourierFeatures(FeatureMapConfig config) {
        super(VERSION);
        this.components = Checks.positive("components", config.components());
        this.gamma = Checks.positiveFinite("gamma", config.gamma());
        this.seed = config.seed();
        SplittableRandom seeds = new SplittableRandom(seed);
        this.frequencies = addParameter(Parameter.builder().setName("frequencies").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).optInitializer(draws(seeds.nextLong(), true, Math.sqrt(2 * gamma))).build());
        this.phases = addParameter(Parameter.builder().setName("phases").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).optInitializer(draws(seeds.nextLong(), false, 2 * Math.PI)).build());
    }

    /** Returns D, the number of features. */
    public int components() {
        return components;
    }

    /** Returns the kernel width gamma. */
    public double gamma() {
        return gamma;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(frequencies, x.getDevice(), training);
        NDArray b = store.getValue(phases, x.getDevice(), training);
        NDArray scale = x.getManager().create((float) Math.sqrt(2.0 / components)).toType(x.getDataType(), false);
        return new NDList(x.matMul(w).add(b).cos().mul(scale));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), components)};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        if (input.dimension() != 2) {
            throw new IllegalArgumentException("random Fourier features take flattened inputs (N, d), got " + input);
        }
        frequencies.setShape(new Shape(input.get(1), components));
        phases.setShape(new Shape(components));
    }

    @Override
    public String toString() {
        return "RandomFourierFeatures(gamma=" + gamma + ", components=" + components + ", seed=" + seed + ")";
    }

    /** The same values at every call for a seed: a re-initialised block gets the map it had. */
    private static Initializer draws(long seed, boolean gaussian, double scale) {
        return (manager, shape, dataType) -> {
            Random random = new Random(seed);
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (gaussian ? random.nextGaussian() * scale : random.nextDouble() * scale);
            }
            return manager.create(values, shape).toType(dataType, false);
        };
    }
}
