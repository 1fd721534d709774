package io.hingekit.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@code --device auto|cpu|gpu|gpu:N} into the devices a run trains on. */
public final class DeviceSelector {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelector.class);

    private DeviceSelector() {}

    /**
     * Resolves a device option.
     *
     * @param option {@code auto} (every visible GPU, data parallel, else the CPU), {@code cpu}, {@code gpu} (GPU
     *     0) or {@code gpu:N}; null means {@code auto}
     * @return the devices, never empty
     * @throws IllegalArgumentException for an unknown option or a GPU that is not visible
     */
    public static Device[] resolve(String option) {
        String value = option == null ? "auto" : option.trim().toLowerCase(Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        if (value.equals("auto")) {
            if (gpus == 0) {
                LOG.warn("device auto: no GPU visible, running on the CPU");
                return new Device[] {Device.cpu()};
            }
            return Engine.getInstance().getDevices(gpus);
        }
        if (value.equals("cpu")) {
            return new Device[] {Device.cpu()};
        }
        int index = gpuIndex(value);
        if (index >= gpus) {
            throw new IllegalArgumentException("--device " + option + ": " + gpus + " GPU(s) visible");
        }
        return new Device[] {Device.gpu(index)};
    }

    private static int gpuIndex(String value) {
        if (value.equals("gpu")) {
            return 0;
        }
        if (value.startsWith("gpu:")) {
            try {
                return Integer.parseInt(value.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--device " + value + ": N in gpu:N must be a number", e);
            }
        }
        throw new IllegalArgumentException("--device must be auto, cpu, gpu or gpu:N, got '" + value + "'");
    }
}
