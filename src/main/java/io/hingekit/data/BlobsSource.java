package io.hingekit.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.util.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic dataset of Gaussian blobs, one per class, for tests and quick runs. Class centres are drawn
 * uniformly from [-{@value #CENTRE_RANGE}, {@value #CENTRE_RANGE}] per dimension; samples are the centre plus
 * Gaussian noise of the given spread. The same seed always gives the same data.
 */
public final class BlobsSource {

    /** Half-width of the box class centres are drawn from. */
    public static final double CENTRE_RANGE = 4.0;

    private final int features;
    private final int classes;
    private final double spread;
    private final long seed;

    /**
     * Creates a blob generator.
     *
     * @param features dimension of each sample
     * @param classes number of classes (at least 2)
     * @param spread standard deviation of each blob
     * @param seed seed of the centres and the samples
     */
    public BlobsSource(int features, int classes, double spread, long seed) {
        Checks.check(features >= 1, "data.blobs.features", ">= 1", features);
        Checks.check(classes >= 2, "data.blobs.classes", ">= 2", classes);
        Checks.check(spread > 0, "data.blobs.spread", "> 0", spread);
        this.features = features;
        this.classes = classes;
        this.spread = spread;
        this.seed = seed;
    }

    /**
     * Generates {@code samples} samples, classes taking turns so every class is represented.
     *
     * @param samples number of samples
     * @param stream which independent stream of samples to draw (0 = train, 1 = test)
     * @param manager the manager that will own the arrays
     * @return the samples
     */
    public LabeledData generate(int samples, int stream, NDManager manager) {
        double[][] centres = centres();
        Random random = new Random(seed * 31 + stream + 1);
        float[] x = new float[samples * features];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % classes;
            y[i] = label;
            for (int d = 0; d < features; d++) {
                x[i * features + d] = (float) (centres[label][d] + spread * random.nextGaussian());
            }
        }
        return new LabeledData(manager.create(x, new Shape(samples, features)), manager.create(y), classNames());
    }

    private double[][] centres() {
        Random random = new Random(seed);
        double[][] centres = new double[classes][features];
        for (double[] centre : centres) {
            for (int d = 0; d < features; d++) {
                centre[d] = (random.nextDouble() * 2 - 1) * CENTRE_RANGE;
            }
        }
        return centres;
    }

    private List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class-" + c);
        }
        return names;
    }
}
