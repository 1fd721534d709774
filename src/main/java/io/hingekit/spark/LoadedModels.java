package io.hingekit.spark;

import ai.djl.Device;
import io.hingekit.inference.Scorer;
import io.hingekit.model.DeviceSelector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of this JVM (driver or executor), loaded once per model path and device and shared by every task the
 * JVM runs; closed when the JVM exits.
 */
final class LoadedModels {

    private static final Map<String, Scorer> SCORERS = new ConcurrentHashMap<>();
    private static final Map<String, Embedder> EMBEDDERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SCORERS.values().forEach(Scorer::close);
            EMBEDDERS.values().forEach(Embedder::close);
        }, "hingekit-models-close"));
    }

    private LoadedModels() {}

    /** The classifier at a model path (Hadoop path), loaded on first use in this JVM. */
    static Scorer scorer(String model, String device) {
        return SCORERS.computeIfAbsent(model + "|" + device, key -> {
            try {
                return Scorer.open(ModelFiles.local(model), device(device));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The embedding model at a model path (Hadoop path), loaded on first use in this JVM. */
    static Embedder embedder(String model, String device) {
        return EMBEDDERS.computeIfAbsent(model + "|" + device, key -> {
            try {
                return Embedder.open(ModelFiles.local(model), device(device));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Device device(String device) {
        return DeviceSelector.resolve(device)[0];
    }
}
