package io.hingekit.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a training run writes and where it starts: handed to listeners before the first step.
 *
 * @param runName name of the run (the model directory's name)
 * @param modelDir directory holding parameters, checkpoints, the resolved config and metrics
 * @param logDir TensorBoard log directory of this run
 * @param startEpoch first epoch this process trains (0, or the epoch after the checkpoint resumed from)
 * @param startStep global step at which this process starts
 * @param resumed whether the run continues from a checkpoint
 * @param classNames class names, index = label
 * @param hyperparameters flattened hyperparameters of the resolved config (for the hparams record)
 */
public record RunContext(
        String runName,
        Path modelDir,
        Path logDir,
        int startEpoch,
        long startStep,
        boolean resumed,
        List<String> classNames,
        Map<String, Object> hyperparameters) {}
