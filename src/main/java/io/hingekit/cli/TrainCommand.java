package io.hingekit.cli;

import io.hingekit.config.GateConfig;
import io.hingekit.lifecycle.GateService;
import io.hingekit.model.ModelDirectory;
import io.hingekit.tensorboard.TensorBoardListener;
import io.hingekit.training.RunListener;
import io.hingekit.training.RunReport;
import io.hingekit.training.TrainRequest;
import io.hingekit.training.TrainingService;
import java.io.PrintWriter;
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
        TrainRequest request = TrainRequest.builder().config(config).device(device).epochs(epochs).out(out)
                .logDir(logDir).dataDir(dataDir).resume(resume).overwrite(overwrite).build();
        List<RunListener> listeners = noTensorboard ? List.of() : List.of(new TensorBoardListener(System.out));
        RunReport report = new TrainingService(System.out).train(request, listeners);
        GateConfig gate = report.config().gate();
        if (gate == null) {
            return 0;
        }
        List<GateService.Check> checks = GateService.thresholds(gate, "validation", report.reports().get("validation"),
                report.reports().get("train"), new ModelDirectory(report.modelDir()).readInfo().classNames());
        GateService.Verdict verdict = GateService.write(report.modelDir(), "validation", checks);
        PrintWriter console = new PrintWriter(System.out, true);
        GateCommand.print(console, verdict);
        console.flush();
        return verdict.accepted() ? 0 : Main.EXIT_REJECTED;
    }
}
