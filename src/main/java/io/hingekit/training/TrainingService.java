package io.hingekit.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.data.DataSplits;
import io.hingekit.data.DatasetLoader;
import io.hingekit.files.AtomicFiles;
import io.hingekit.files.NpyMatrix;
import io.hingekit.model.DeviceSelector;
import io.hingekit.model.ModelDirectory;
import io.hingekit.model.ModelInfo;
import io.hingekit.model.TrainedModel;
import io.hingekit.task.ClassifierTask;
import io.hingekit.task.Task;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Trains the model a config describes and writes the model directory: the one call behind {@code train}. */
public final class TrainingService {

    private final PrintStream out;

    /**
     * Creates the service.
     *
     * @param out where progress and the summary are printed
     */
    public TrainingService(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs a training job.
     *
     * @param request the config and overrides
     * @param extraListeners listeners besides the console summary (the CLI adds TensorBoard's; tests their own)
     * @return the final report
     * @throws IOException when data, checkpoints or outputs cannot be read or written
     */
    public RunReport train(TrainRequest request, List<RunListener> extraListeners) throws IOException {
        long started = System.nanoTime();
        RunConfig config = RunConfigs.read(request.config());
        if (request.epochs() != null) {
            config = config.withEpochs(request.epochs());
        }
        Path modelDir = request.out() != null ? request.out() : Path.of("models", config.name());
        prepareModelDir(modelDir, request);
        Device[] devices = DeviceSelector.resolve(request.device());
        long seed = config.seed();
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager(devices[0])) {
            DataSplits data = new DatasetLoader(DatasetLoader.defaultCacheDir())
                    .load(config.data(), request.dataDir(), seed, manager);
            Task task = Task.of(config, data.numClasses());
            int batchSize = config.training().effectiveBatchSize();
            int stepsPerEpoch = (data.train().size() + batchSize - 1) / batchSize;
            ModelInfo info = new ModelInfo(task.outputs(), data.sampleShape().getShape(),
                    data.train().classNames());
            Path checkpoint = request.resume() ? latestCheckpoint(modelDir) : null;
            try (StatefulOptimizer optimizer = Optimizers.create(
                            config.optimizer(), stepsPerEpoch, config.training().epochs());
                    Model model = Model.newInstance(config.name(), devices[0])) {
                model.setBlock(TrainedModel.initializedBlock(config, info, model));
                if (checkpoint != null) {
                    // Before replication: the parameter store caches the arrays it first sees.
                    TrainedModel.readParameters(model.getBlock(), checkpoint.resolve(Checkpoints.PARAMETERS), model);
                }
                DataParallelNetwork network = new DataParallelNetwork(model.getBlock(), devices, optimizer, manager);
                RunConfigs.write(config, new ModelDirectory(modelDir).config());
                AtomicFiles.writeJson(new ModelDirectory(modelDir).info(), info);
                List<RunListener> listeners = new ArrayList<>();
                listeners.add(new ConsoleListener(out, config.training().epochs()));
                listeners.addAll(extraListeners);
                Path logDir = logDir(request, config);
                RunContext context = new RunContext(config.name(), modelDir, logDir, 0, 0,
                        request.resume(), data.train().classNames(), RunConfigs.flatten(config));
                RunReport report = new TrainingLoop(config, network, task, optimizer, data, modelDir, listeners,
                        info, manager).run(checkpoint, context);
                double seconds = (System.nanoTime() - started) / 1e9;
                writeMetrics(modelDir, config, devices, report, seconds, data.train().classNames());
                writeLifecycleFiles(new ModelDirectory(modelDir), data, report);
                printSummary(modelDir, report, seconds);
                return report;
            }
        }
    }

    private static Path latestCheckpoint(Path modelDir) throws IOException {
        return new Checkpoints(modelDir).latest().orElseThrow(() -> new IllegalArgumentException(
                "--resume: no checkpoint in " + new ModelDirectory(modelDir).checkpoints()));
    }

    private static Path logDir(TrainRequest request, RunConfig config) {
        return request.logDir() != null ? request.logDir() : Path.of("runs", config.name());
    }

    private static void prepareModelDir(Path modelDir, TrainRequest request) throws IOException {
        Path checkpointsDir = new ModelDirectory(modelDir).checkpoints();
        if (!request.resume() && Files.exists(checkpointsDir)) {
            if (!request.overwrite()) {
                throw new IllegalArgumentException(modelDir + " already holds a trained run: pass --resume to "
                        + "continue it, --overwrite to replace it, or --out to train elsewhere");
            }
            Checkpoints.deleteTree(checkpointsDir);
            Files.deleteIfExists(new ModelDirectory(modelDir).parameters());
        }
        Files.createDirectories(modelDir);
    }

    private static void writeMetrics(Path modelDir, RunConfig config, Device[] devices, RunReport report,
            double seconds, List<String> classNames) throws IOException {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("run", config.name());
        metrics.put("devices", Arrays.toString(devices));
        metrics.put("wall_seconds", seconds);
        metrics.put("final", report.finalMetrics());
        if (!report.reports().isEmpty()) {
            Map<String, Object> reports = new LinkedHashMap<>();
            report.reports().forEach((split, margins) -> reports.put(split, margins.toMap(classNames)));
            metrics.put("reports", reports);
            metrics.put("train_validation_gap",
                    report.reports().get("validation").meanLoss() - report.reports().get("train").meanLoss());
        }
        Optional<Path> checkpoint = new Checkpoints(modelDir).latest();
        if (checkpoint.isPresent()) {
            metrics.put("epochs", Checkpoints.readState(checkpoint.get()).history());
        }
        AtomicFiles.writeJson(new ModelDirectory(modelDir).metrics(), metrics);
    }

    /** The feature scaling and the drift reference, for the commands that use the model after training. */
    private static void writeLifecycleFiles(ModelDirectory dir, DataSplits data, RunReport report)
            throws IOException {
        if (data.scaler() != null) {
            data.scaler().write(dir.preprocessing());
        }
        float[][] margins = report.referenceMargins();
        if (margins != null) {
            float[] flat = new float[margins.length * ClassifierTask.MARGIN_COLUMNS];
            for (int i = 0; i < margins.length; i++) {
                System.arraycopy(margins[i], 0, flat, i * ClassifierTask.MARGIN_COLUMNS, ClassifierTask.MARGIN_COLUMNS);
            }
            new NpyMatrix(margins.length, ClassifierTask.MARGIN_COLUMNS, flat).write(dir.referenceMargins());
        }
    }

    private void printSummary(Path modelDir, RunReport report, double seconds) {
        Map<String, Double> m = report.finalMetrics();
        out.printf("%nmodel written to %s%n", modelDir);
        if (m.containsKey("test/precision_at_1")) {
            out.printf("test precision@1 %.4f | MAP@R %.4f | test loss %.4f | wall time %.1fs%n",
                    m.get("test/precision_at_1"), m.get("test/map_at_r"), m.get("test/loss"), seconds);
        } else {
            out.printf("test accuracy %.4f | test hinge loss %.4f | margin violation rate %.4f | wall time %.1fs%n",
                    m.get("test/accuracy"), m.get("test/loss"), m.get("test/violation_rate"), seconds);
        }
    }
}
