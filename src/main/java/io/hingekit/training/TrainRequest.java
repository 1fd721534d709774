package io.hingekit.training;

import java.nio.file.Path;

/**
 * What the {@code train} command asks for: a config plus command-line overrides.
 *
 * @param config path of the YAML config
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (null = auto)
 * @param epochs number of epochs overriding the config's (null = the config's)
 * @param out model directory (null = {@code models/<name>})
 * @param logDir TensorBoard log directory (null = {@code runs/<name>})
 * @param dataDir Fashion-MNIST directory overriding the config's (null = the config's)
 * @param resume whether to continue from the latest checkpoint in {@code out}
 * @param overwrite whether a fresh run may replace an existing model directory's checkpoints
 * @param tensorboard whether to write TensorBoard event files to the log directory
 */
public record TrainRequest(
        Path config, String device, Integer epochs, Path out, Path logDir, Path dataDir, boolean resume,
        boolean overwrite, boolean tensorboard) {}
