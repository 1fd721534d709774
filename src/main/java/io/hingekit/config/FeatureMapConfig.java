package io.hingekit.config;

import static io.hingekit.util.Checks.check;
import static io.hingekit.util.Checks.positiveFinite;

/**
 * The fixed feature map in front of a linear model ({@code model.featureMap}), approximating the RBF kernel
 * {@code k(x, y) = exp(-gamma |x - y|^2)} so that a linear hinge model on the mapped features is an approximate
 * kernel SVM; missing values take their defaults here.
 *
 * @param type the map (default {@code rff}: random Fourier features; {@code nystroem}: landmarks sampled from the
 *     training set)
 * @param gamma the RBF kernel's width, required (for features scaled to unit variance, about 1 / features)
 * @param components D, the number of features the map outputs (default 2000): for nystroem the number of landmarks
 * @param seed seed of the random frequencies and phases, or of the landmark sample (default 0), independent of the
 *     run's seed
 * @param inputPower p of the signed power {@code sign(x) |x|^p} taken of every input before the map (default 1:
 *     none); 0.5 on non-negative inputs is the square root, which makes the kernel
 *     {@code exp(-gamma |sqrt(x) - sqrt(y)|^2)} (a Hellinger-distance RBF, kinder to intensity histograms and pixels)
 */
public record FeatureMapConfig(FeatureMapType type, Double gamma, Integer components, Long seed, Double inputPower) {

    /** Default number of components. */
    public static final int DEFAULT_COMPONENTS = 2000;

    /** Fills in the defaults and checks the values. */
    public FeatureMapConfig {
        type = type == null ? FeatureMapType.RFF : type;
        check(gamma != null && gamma > 0 && !gamma.isInfinite(), "model.featureMap.gamma", "a finite number > 0",
                gamma);
        components = components == null ? DEFAULT_COMPONENTS : components;
        check(components > 0, "model.featureMap.components", "> 0", components);
        seed = seed == null ? 0L : seed;
        inputPower = positiveFinite("model.featureMap.inputPower", inputPower == null ? 1.0 : inputPower);
    }

    /** Whether the inputs go through a signed power before the map ({@code inputPower} other than 1). */
    public boolean transformsInputs() {
        return inputPower != 1.0;
    }
}
