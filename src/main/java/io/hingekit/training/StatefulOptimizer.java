package io.hingekit.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of Hingekit's optimizers: a DJL {@link Optimizer} whose per-parameter state (momentum, moments) and step
 * count can be saved and restored, which DJL's own optimizers do not allow, so a resumed run continues exactly.
 *
 * <p>The training loop sets the 1-based step with {@link #setStep} before each update, so the learning-rate
 * schedule and bias corrections follow the global step, also across a resume. Weight decay is an L2 penalty
 * added to the gradient of weights (arrays of two or more dimensions); biases and normalisation parameters are
 * not decayed.
 *
 * <p>Each update is one native call per parameter (DJL's fused {@code sgdUpdate}/{@code adamUpdate} kernels of
 * the PyTorch engine, whose several in-place tensor operations run without returning to Java), then one to clear
 * the gradient: the per-step cost of an update no longer grows with the number of arithmetic steps it takes.
 *
 * <p>The state lives in managers of the optimizer's own, one per device, closed by {@link #close}: DJL turns a Java
 * number in an operation into a tensor on the device of the array's manager, so state detached to DJL's system
 * manager (on the default device, the GPU of a CUDA host) would break a run on any other device.
 */
public abstract class StatefulOptimizer extends Optimizer implements AutoCloseable {

    /** DJL's fused kernels clip the gradient only when this is >= 0. */
    protected static final float NO_CLIP = -1f;

    private final Tracker learningRate;
    private final float weightDecay;
    private final Map<String, PtNDArray[]> state = new ConcurrentHashMap<>();
    private final Map<Device, NDManager> stateManagers = new ConcurrentHashMap<>();
    private long step = 1;

    /**
     * Creates the optimizer.
     *
     * @param learningRate the learning rate by 0-based step
     * @param weightDecay the L2 penalty coefficient
     */
    protected StatefulOptimizer(Tracker learningRate, float weightDecay) {
        super(new NoOptions());
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /**
     * Sets the 1-based step of the next update.
     *
     * @param step the step
     */
    public void setStep(long step) {
        this.step = step;
    }

    /** Returns the learning rate of the next update. */
    public float currentLearningRate() {
        return learningRateAt(step);
    }

    /**
     * Returns the learning rate of an update.
     *
     * @param updateStep the 1-based step of the update
     * @return its learning rate
     */
    protected final float learningRateAt(long updateStep) {
        return learningRate.getNewValue(Math.toIntExact(updateStep - 1));
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        PtNDArray[] slots = state.computeIfAbsent(stateKey(parameterId, weight.getDevice()), k -> newState(weight));
        float decay = weight.getShape().dimension() > 1 ? weightDecay : 0f;
        apply((PtNDArray) weight, (PtNDArray) grad, slots, decay, step);
        // PyTorch accumulates gradients across backward passes; DJL's own optimizers clear them here too.
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** Returns the number of state arrays each parameter holds. */
    protected abstract int slotCount();

    /**
     * Returns the version of the saved state's layout; a checkpoint of another version is refused.
     *
     * @return the version written by {@link #save} and required by {@link #load}
     */
    protected int stateFormat() {
        return 1;
    }

    /**
     * Updates {@code weight} in place from the gradient and its state, updating the state in place, in one native
     * call; {@code grad} is left as it is.
     *
     * @param weight the parameter
     * @param grad the gradient, without weight decay
     * @param slots this parameter's state arrays
     * @param weightDecay the L2 coefficient for this parameter (0 for biases and normalisation parameters)
     * @param step the 1-based step
     */
    protected abstract void apply(PtNDArray weight, PtNDArray grad, PtNDArray[] slots, float weightDecay,
            long step);

    private PtNDArray[] newState(NDArray weight) {
        NDManager owner = stateManager(weight.getDevice());
        PtNDArray[] slots = new PtNDArray[slotCount()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = (PtNDArray) owner.zeros(weight.getShape(), weight.getDataType());
            NDScope.unregister(slots[i]);
        }
        return slots;
    }

    private NDManager stateManager(Device device) {
        return stateManagers.computeIfAbsent(device, NDManager::newBaseManager);
    }

    private static String stateKey(String parameterId, Device device) {
        return parameterId + '@' + device;
    }

    /**
     * Writes the state of every parameter (the step is the loop's to restore), keyed by stable parameter names.
     *
     * @param out the stream
     * @param names parameter id to stable name (block path), for the parameters on the first device
     * @param device the device whose state is saved
     * @throws IOException when writing fails
     */
    public void save(DataOutputStream out, Map<String, String> names, Device device) throws IOException {
        Map<String, NDArray[]> saved = new LinkedHashMap<>();
        names.forEach((id, name) -> {
            NDArray[] slots = state.get(stateKey(id, device));
            if (slots != null) {
                saved.put(name, slots);
            }
        });
        out.writeInt(stateFormat());
        out.writeUTF(getClass().getSimpleName());
        out.writeInt(saved.size());
        for (Map.Entry<String, NDArray[]> entry : saved.entrySet()) {
            out.writeUTF(entry.getKey());
            for (NDArray slot : entry.getValue()) {
                byte[] bytes = slot.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /**
     * Restores what {@link #save} wrote.
     *
     * @param in the stream
     * @param ids stable name to parameter id, for the parameters on {@code device}
     * @param device the device the state goes to
     * @throws IOException when reading fails or the state belongs to another optimizer
     */
    public void load(DataInputStream in, Map<String, String> ids, Device device) throws IOException {
        int version = in.readInt();
        String type = in.readUTF();
        if (version != stateFormat() || !type.equals(getClass().getSimpleName())) {
            throw new IOException("optimizer state was written by " + type + " (format " + version
                    + "), cannot load it into " + getClass().getSimpleName() + " (format " + stateFormat()
                    + "); restart the run without --resume");
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            PtNDArray[] slots = new PtNDArray[slotCount()];
            for (int s = 0; s < slots.length; s++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                slots[s] = (PtNDArray) stateManager(device).decode(bytes);
            }
            String id = ids.get(name);
            if (id == null) {
                throw new IOException("optimizer state names parameter " + name + " that the model lacks");
            }
            state.put(stateKey(id, device), slots);
        }
    }

    /** Frees the state of every parameter. */
    @Override
    public void close() {
        state.clear();
        stateManagers.values().forEach(NDManager::close);
        stateManagers.clear();
    }

    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
