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
import io.hingekit.files.Directories;
import io.hingekit.files.NpyMatrix;
import io.hingekit.model.DeviceSelector;
import io.hingekit.model.ModelDirectory;
import io.hingekit.model.ModelInfo;
import io.hingekit.model.Networks;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Trains the model a config describes and writes the model directory: the one call behind {@code train}. */
public final class TrainingService {

    /** The config keys a resume may change: none of them changes the network, the data or the loss. */
    static final List<String> RESUMABLE_KEYS = List.of("training.epochs", "training.patience", "training.logInterval");

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
        Path logDir = logDir(request, config);
        Directories.requireDirectoryPath("--logdir", logDir);
        Device[] devices = DeviceSelector.resolve(request.device());
        try (TrainingDirectory directory = TrainingDirectory.open(modelDir, request.resume(), request.overwrite())) {
            try {
                return train(config, request, directory, logDir, devices, extraListeners, started);
            } catch (NonFiniteLossException e) {
                if (!directory.replaces()) {
                    throw e;
                }
                throw new NonFiniteLossException(e.epoch(), e.batch(),
                        "the model in " + modelDir + " is left as it was");
            }
        }
    }

    private RunReport train(RunConfig config, TrainRequest request, TrainingDirectory directory, Path logDir,
            Device[] devices, List<RunListener> extraListeners, long started) throws IOException {
        Path work = directory.work();
        Path checkpoint = request.resume() ? new Checkpoints(work).latest().orElseThrow() : null;
        if (checkpoint != null) {
            requireResumable(checkpoint, new ModelDirectory(work), config);
        }
        long seed = config.seed();
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager(devices[0])) {
            DataSplits data = new DatasetLoader(DatasetLoader.defaultCacheDir())
                    .load(config.data(), request.dataDir(), seed, manager);
            DataChecks.check(config, data);
            Task task = Task.of(config, data.numClasses());
            int batchSize = config.training().effectiveBatchSize();
            int stepsPerEpoch = (data.train().size() + batchSize - 1) / batchSize;
            ModelInfo info = new ModelInfo(task.outputs(), data.sampleShape().getShape(),
                    data.train().classNames());
            try (StatefulOptimizer optimizer = Optimizers.create(
                            config.optimizer(), stepsPerEpoch, config.training().epochs());
                    Model model = Model.newInstance(config.name(), devices[0])) {
                model.setBlock(TrainedModel.initializedBlock(config, info, model));
                if (checkpoint != null) {
                    // Before replication: the parameter store caches the arrays it first sees.
                    TrainedModel.readParameters(model.getBlock(), checkpoint.resolve(Checkpoints.PARAMETERS), model);
                    adoptSelectedParameters(new ModelDirectory(work));
                } else {
                    Networks.fitToData(model.getBlock(), data.train().features());
                }
                DataParallelNetwork network = new DataParallelNetwork(model.getBlock(), devices, optimizer, manager);
                List<RunListener> listeners = new ArrayList<>();
                listeners.add(new ConsoleListener(out, config.training().epochs()));
                listeners.addAll(extraListeners);
                RunContext context = new RunContext(config.name(), directory.target(), logDir, 0, 0,
                        request.resume(), data.train().classNames(), RunConfigs.flatten(config));
                RunReport report = new TrainingLoop(config, network, task, optimizer, data, work, listeners,
                        info, manager).run(checkpoint, context);
                double seconds = (System.nanoTime() - started) / 1e9;
                writeModelFiles(new ModelDirectory(work), config, info, devices, report, seconds, data);
                directory.commit();
                printSummary(directory.target(), report, seconds);
                return report.withModelDir(directory.target());
            }
        }
    }

    /**
     * Refuses a resume whose config differs from the one that trained the checkpoint in anything but the keys of
     * {@link #RESUMABLE_KEYS}, naming each differing key with both values.
     */
    private static void requireResumable(Path checkpoint, ModelDirectory dir, RunConfig config) {
        // checkpoints written before they held their config: the model directory's
        Path savedFile = Files.isRegularFile(checkpoint.resolve(Checkpoints.CONFIG))
                ? checkpoint.resolve(Checkpoints.CONFIG) : dir.config();
        if (!Files.isRegularFile(savedFile)) {
            throw new IllegalArgumentException("--resume: " + checkpoint + " has no " + Checkpoints.CONFIG
                    + " to check the config against, and neither has " + dir.root());
        }
        Map<String, Object> saved = RunConfigs.flatten(RunConfigs.read(savedFile));
        Map<String, Object> now = RunConfigs.flatten(config);
        Set<String> keys = new TreeSet<>(saved.keySet());
        keys.addAll(now.keySet());
        List<String> changes = new ArrayList<>();
        for (String key : keys) {
            if (!RESUMABLE_KEYS.contains(key) && !Objects.equals(saved.get(key), now.get(key))) {
                changes.add(key + " (" + describe(saved.get(key)) + " -> " + describe(now.get(key)) + ")");
            }
        }
        if (!changes.isEmpty()) {
            throw new IllegalArgumentException("--resume: the config differs from " + savedFile + " in "
                    + String.join(", ", changes) + "; a resume may change only " + String.join(", ", RESUMABLE_KEYS)
                    + " (train a new run with --overwrite or another --out)");
        }
    }

    private static String describe(Object value) {
        return value == null ? "unset" : value.toString();
    }

    /** A checkpoint directory written before the best parameters lived beside the checkpoints takes model.params. */
    private static void adoptSelectedParameters(ModelDirectory dir) throws IOException {
        Path best = new Checkpoints(dir.root()).best();
        if (!Files.exists(best) && Files.isRegularFile(dir.parameters())) {
            Files.copy(dir.parameters(), best);
        }
    }

    private static Path logDir(TrainRequest request, RunConfig config) {
        return request.logDir() != null ? request.logDir() : Path.of("runs", config.name());
    }

    /**
     * Writes the files of the completed run, {@code config.yaml} last: until then the directory does not look like
     * a finished model. Files that describe earlier parameters (calibration, reliability diagram, gate verdict) are
     * removed first.
     */
    private static void writeModelFiles(ModelDirectory dir, RunConfig config, ModelInfo info, Device[] devices,
            RunReport report, double seconds, DataSplits data) throws IOException {
        for (Path stale : List.of(dir.config(), dir.calibration(), dir.reliability(), dir.gate())) {
            Files.deleteIfExists(stale);
        }
        Path best = new Checkpoints(dir.root()).best();
        AtomicFiles.write(dir.parameters(), out -> Files.copy(best, out));
        writeLifecycleFiles(dir, data, report);
        writeMetrics(dir.root(), config, devices, report, seconds, data.train().classNames());
        AtomicFiles.writeJson(dir.info(), info);
        RunConfigs.write(config, dir.config());
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
