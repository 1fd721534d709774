package io.hingekit.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network replicated on one or more devices for data-parallel training: forward passes per device, one
 * optimizer update of every replica from the summed gradients.
 *
 * <p>Hingekit drives DJL's {@link ParameterStore} itself rather than through {@code Trainer}: the trainer
 * refuses a first step whose gradients are all zero, which is legitimate for a hinge loss (every sample
 * outside the margin, as after a resume) or a batch without triplets.
 */
public final class DataParallelNetwork {

    /** Added to the norm before dividing, as PyTorch's {@code clip_grad_norm_} does. */
    private static final float CLIP_EPSILON = 1e-6f;

    private final Block block;
    private final Device[] devices;
    private final ParameterStore store;
    private final Optimizer optimizer;
    private final List<Parameter> trainable = new ArrayList<>();

    /**
     * Replicates an initialised block on the devices.
     *
     * @param block the network, parameters initialised (and loaded, when resuming) on {@code devices[0]}
     * @param devices the devices, the first holding the master copy
     * @param optimizer the optimizer applied by {@link #step()}
     * @param manager a manager on {@code devices[0]} that owns the replicas
     */
    public DataParallelNetwork(Block block, Device[] devices, Optimizer optimizer, NDManager manager) {
        this.block = block;
        this.devices = devices.clone();
        this.optimizer = optimizer;
        this.store = new ParameterStore(manager, false);
        store.setParameterServer(new LocalParameterServer(optimizer), this.devices);
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                // Loaded parameter arrays arrive without gradient attachment.
                p.getValue().getArray().setRequiresGradient(true);
                trainable.add(p.getValue());
            }
            for (Device device : this.devices) {
                store.getValue(p.getValue(), device, true);
            }
        }
    }

    /**
     * Runs the network on a batch that lives on one of the devices.
     *
     * @param input the input
     * @param training whether to run in training mode (dropout, batch statistics)
     * @return the outputs
     */
    public NDList forward(NDList input, boolean training) {
        return block.forward(store, input, training);
    }

    /**
     * Applies the optimizer to every parameter from the gradients of the last backward passes. On one device the
     * optimizer reads each gradient in place; DJL's parameter server, which sums the replicas' gradients, would
     * first copy it.
     */
    public void step() {
        if (devices.length > 1) {
            store.updateAllParameters();
            return;
        }
        for (Parameter parameter : trainable) {
            NDArray weight = store.getValue(parameter, devices[0], true);
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(parameter.getId(), weight, gradient);
            }
        }
    }

    /** Returns the devices, the first holding the master copy. */
    public Device[] devices() {
        return devices.clone();
    }

    /** Returns the network. */
    public Block block() {
        return block;
    }

    /**
     * Returns the global L2 norm of the gradients of the last backward passes, summed over the replicas as the
     * update sums them (one host read).
     *
     * @return the norm
     */
    public double gradientNorm() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return globalGradientNorm().getFloat();
        }
    }

    /**
     * Scales every replica's gradients by {@code min(1, maxNorm / (norm + 1e-6))}, where {@code norm} is the global
     * L2 norm of the summed gradients, as PyTorch's {@code clip_grad_norm_}. The factor stays on the device: no host
     * read.
     *
     * @param maxNorm the bound, &gt; 0
     */
    public void clipGradients(float maxNorm) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray scale = globalGradientNorm().add(CLIP_EPSILON).pow(-1).mul(maxNorm).minimum(1f);
            for (Device device : devices) {
                NDArray deviceScale = scale.toDevice(device, false);
                for (Parameter parameter : trainable) {
                    store.getValue(parameter, device, true).getGradient().muli(deviceScale);
                }
            }
        }
    }

    /** The norm as a scalar on the first device; callers scope its temporaries (they attach to the parameters). */
    private NDArray globalGradientNorm() {
        NDArray sum = null;
        for (Parameter parameter : trainable) {
            NDArray gradient = store.getValue(parameter, devices[0], true).getGradient();
            for (int d = 1; d < devices.length; d++) {
                gradient = gradient.add(
                        store.getValue(parameter, devices[d], true).getGradient().toDevice(devices[0], false));
            }
            NDArray squares = gradient.square().sum();
            sum = sum == null ? squares : sum.add(squares);
        }
        return sum == null ? store.getManager().zeros(new Shape()) : sum.sqrt();
    }

    /** Returns parameter id to stable name (block path), for saving optimizer state. */
    public Map<String, String> parameterNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.put(p.getValue().getId(), p.getKey());
        }
        return names;
    }
}
