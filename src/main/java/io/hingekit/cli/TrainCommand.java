package io.hingekit.cli;

import io.hingekit.training.TrainRequest;
import io.hingekit.training.TrainingService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hingekit train}: trains the model a config describes and writes its model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model from a YAML config; writes parameters, checkpoints and metrics.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "YAML config, e.g. configs/fashion-cnn-hinge.yaml")
    private Path config;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    private String device;

    @Option(names = "--epochs", description = "override the config's number of epochs")
    private Integer epochs;

    @Option(names = "--out", description = "model directory (default: models/<name>)")
    private Path out;

    @Option(names = "--logdir", description = "TensorBoard log directory (default: runs/<name>)")
    private Path logDir;

    @Option(names = "--data-dir", description = "directory with the Fashion-MNIST IDX files")
    private Path dataDir;

    @Option(names = "--resume", description = "continue from the latest checkpoint in the model directory")
    private boolean resume;

    @Option(names = "--overwrite", description = "replace an existing run in the model directory")
    private boolean overwrite;

    @Option(names = "--no-tensorboard", description = "do not write TensorBoard event files")
    private boolean noTensorboard;

    @Override
    public Integer call() throws Exception {
        new TrainingService(System.out).train(
                new TrainRequest(config, device, epochs, out, logDir, dataDir, resume, overwrite, !noTensorboard),
                List.of());
        return 0;
    }
}
