package io.hingekit.cli;

import ai.djl.Device;
import io.hingekit.model.DeviceSelector;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the commands that run a trained model on its data: the model, a data override and the device. */
final class ModelOptions {

    @Option(names = "--model", required = true, description = "model directory")
    Path model;

    @Option(names = "--data", description = "Fashion-MNIST directory overriding the model config's")
    Path data;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    /** Returns the device the model runs on. */
    Device device() {
        return DeviceSelector.resolve(device)[0];
    }
}
