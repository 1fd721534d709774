package io.hingekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.hingekit.util.Checks;

/**
 * The element-wise signed power {@code sign(x) |x|^p} as a block without parameters, put in front of a kernel
 * feature map by {@code model.featureMap.inputPower}: with p = 0.5 on pixels in [0, 1] it is the square root, so the
 * map approximates an RBF kernel on {@code sqrt(x)}. The sign keeps it defined (and odd) for standardised inputs.
 */
public final class SignedPower extends AbstractBlock {

    private static final byte VERSION = 1;

    private final double power;

    /**
     * Creates the block.
     *
     * @param power p, finite and above 0
     */
    public SignedPower(double power) {
        super(VERSION);
        this.power = Checks.positiveFinite("inputPower", power);
    }

    /**
     * Applies the power outside a network, as {@link #forward} does inside one.
     *
     * @param x any array
     * @return {@code sign(x) |x|^p}, same shape and device
     */
    public NDArray apply(NDArray x) {
        return x.abs().pow(power).mul(x.sign());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "SignedPower(" + power + ")";
    }
}
