package io.hingekit.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.hingekit.data.DataSplits;
import io.hingekit.data.DatasetLoader;
import io.hingekit.tensorboard.TensorBoardListener;
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

    /** File of the resolved config in the model directory. */
    public static final String CONFIG_FILE = "config.yaml";
    /** File of the run's metrics in the model directory. */
    public static final String METRICS_FILE = "metrics.json";

    private final PrintStream out;

    /**
     * Creates the service.
     *
     * @param out where progress and the summary are printed
     */
    public TrainingService(PrintStream out) {
        this.out = out;
    }

    /** Returns Hingekit's cache directory: {@code $HINGEKIT_CACHE}, else {@code ~/.cache/hingekit}. */
    public static Path cacheDir() {
        String env = System.getenv("HINGEKIT_CACHE");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "hingekit");
    }

    /**
     * Runs a training job.
     *
     * @param request the config and overrides
     * @param extraListeners listeners besides the console summary (TensorBoard, tests)
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
        long seed = config.seedOrDefault();
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager(devices[0])) {
            DataSplits data = new DatasetLoader(cacheDir()).load(config.data(), request.dataDir(), seed, manager);
            LossSetup loss = Losses.create(config.loss(), data.numClasses(), seed);
            int batchSize = config.training().effectiveBatchSize();
            int stepsPerEpoch = (data.train().size() + batchSize - 1) / batchSize;
            ModelInfo info = new ModelInfo(outputs(config, loss, data), data.sampleShape().getShape(),
                    data.train().classNames());
            Path checkpoint = request.resume() ? latestCheckpoint(modelDir) : null;
            try (StatefulOptimizer optimizer = Optimizers.create(
                            config.optimizer(), stepsPerEpoch, config.training().epochsOrDefault());
                    Model model = Model.newInstance(config.name(), devices[0])) {
                model.setBlock(TrainedModel.initializedBlock(config, info, model));
                if (checkpoint != null) {
                    // Before replication: the parameter store caches the arrays it first sees.
                    TrainedModel.readParameters(model.getBlock(), checkpoint.resolve(Checkpoints.PARAMETERS), model);
                }
                DataParallelNetwork network = new DataParallelNetwork(model.getBlock(), devices, optimizer, manager);
                RunConfigs.write(config, modelDir.resolve(CONFIG_FILE));
                AtomicFiles.writeJson(modelDir.resolve(TrainedModel.INFO_FILE), info);
                List<RunListener> listeners = new ArrayList<>();
                listeners.add(new ConsoleListener(out, config.training().epochsOrDefault()));
                listeners.addAll(extraListeners);
                Path logDir = logDir(request, config);
                if (request.tensorboard()) {
                    listeners.add(new TensorBoardListener());
                    out.printf("TensorBoard: tensorboard --logdir %s%n", logDir.toAbsolutePath().getParent());
                }
                RunContext context = new RunContext(config.name(), modelDir, logDir, 0, 0,
                        request.resume(), data.train().classNames(), RunConfigs.flatten(config));
                RunReport report = new TrainingLoop(config, network, loss, optimizer, data, modelDir, listeners,
                        info, manager).run(checkpoint, context);
                double seconds = (System.nanoTime() - started) / 1e9;
                writeMetrics(modelDir, config, devices, report, seconds);
                printSummary(modelDir, report, seconds);
                return report;
            }
        }
    }

    private static int outputs(RunConfig config, LossSetup loss, DataSplits data) {
        if (loss.embedding() != config.model().isEmbedding()) {
            throw new IllegalArgumentException("loss.type " + config.loss().type() + " does not fit model.type "
                    + config.model().type() + ": the triplet and contrastive losses need an embedding model (mlp-embedding, cnn-embedding) and the reverse");
        }
        if (loss.embedding()) {
            return config.model().embeddingDimOrDefault();
        }
        return loss.binary() ? 1 : data.numClasses();
    }

    private static Path latestCheckpoint(Path modelDir) throws IOException {
        return new Checkpoints(modelDir).latest().orElseThrow(() -> new IllegalArgumentException(
                "--resume: no checkpoint in " + modelDir.resolve("checkpoints")));
    }

    private static Path logDir(TrainRequest request, RunConfig config) {
        return request.logDir() != null ? request.logDir() : Path.of("runs", config.name());
    }

    private static void prepareModelDir(Path modelDir, TrainRequest request) throws IOException {
        Path checkpointsDir = modelDir.resolve("checkpoints");
        if (!request.resume() && Files.exists(checkpointsDir)) {
            if (!request.overwrite()) {
                throw new IllegalArgumentException(modelDir + " already holds a trained run: pass --resume to "
                        + "continue it, --overwrite to replace it, or --out to train elsewhere");
            }
            Checkpoints.deleteTree(checkpointsDir);
            Files.deleteIfExists(modelDir.resolve(TrainingLoop.MODEL_PARAMETERS));
        }
        Files.createDirectories(modelDir);
    }

    private static void writeMetrics(Path modelDir, RunConfig config, Device[] devices, RunReport report,
            double seconds) throws IOException {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("run", config.name());
        metrics.put("devices", Arrays.toString(devices));
        metrics.put("wall_seconds", seconds);
        metrics.put("final", report.finalMetrics());
        Optional<Path> checkpoint = new Checkpoints(modelDir).latest();
        if (checkpoint.isPresent()) {
            metrics.put("epochs", Checkpoints.readState(checkpoint.get()).history());
        }
        AtomicFiles.writeJson(modelDir.resolve(METRICS_FILE), metrics);
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
