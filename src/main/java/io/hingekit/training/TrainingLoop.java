package io.hingekit.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Sampler;
import ai.djl.training.util.ProgressBar;
import ai.djl.translate.TranslateException;
import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.config.TrainingConfig;
import io.hingekit.data.DataSplits;
import io.hingekit.data.EpochAware;
import io.hingekit.data.LabeledData;
import io.hingekit.data.PkSampler;
import io.hingekit.data.ShuffleSampler;
import io.hingekit.files.AtomicFiles;
import io.hingekit.loss.AbstractHingeLoss;
import io.hingekit.loss.LossDiagnostics;
import io.hingekit.metrics.MarginReport;
import io.hingekit.metrics.MetricNames;
import io.hingekit.metrics.SplitEvaluator;
import io.hingekit.metrics.SplitResult;
import io.hingekit.model.ModelInfo;
import io.hingekit.model.TrainedModel;
import io.hingekit.task.SelectionCriterion;
import io.hingekit.task.Task;
import io.hingekit.task.ValidationScores;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Runs the epochs of one training run (classifier or embedding): steps, margin or retrieval monitoring,
 * validation, early stopping,
 * checkpoints, and reports to {@link RunListener}s.
 *
 * <p>Each epoch's data order depends only on the seed and the epoch, and the engine's random seed is reset per
 * epoch, so a run resumed from the checkpoint of epoch {@code e} repeats exactly what an uninterrupted run does
 * from epoch {@code e + 1}. The loop reads values back from the device only once per logging interval.
 */
public final class TrainingLoop {

    private final RunConfig config;
    private final DataParallelNetwork network;
    private final Task task;
    private final StatefulOptimizer optimizer;
    private final DataSplits data;
    private final Checkpoints checkpoints;
    private final List<RunListener> listeners;
    private final NDManager manager;
    private final ModelInfo info;
    private final SelectionCriterion criterion;
    private final float clipGradNorm;

    /**
     * Creates the loop over an initialised network.
     *
     * @param config the resolved config
     * @param network the network, replicated on the training devices
     * @param task what the run learns: its loss, evaluation and selection
     * @param optimizer the network's optimizer
     * @param data the splits, on the network's first device
     * @param workDir the directory the run writes its checkpoints and best parameters into (the model directory, or
     *     the hidden sibling that replaces it when the run completes)
     * @param listeners the listeners, in call order
     * @param info outputs and input shape, to reload the selected parameters at the end
     * @param manager a manager on the first device for the loop's own arrays
     */
    public TrainingLoop(RunConfig config, DataParallelNetwork network, Task task, StatefulOptimizer optimizer,
            DataSplits data, Path workDir, List<RunListener> listeners, ModelInfo info, NDManager manager) {
        this.config = config;
        this.network = network;
        this.task = task;
        this.optimizer = optimizer;
        this.data = data;
        this.checkpoints = new Checkpoints(workDir);
        this.listeners = listeners;
        this.manager = manager;
        this.info = info;
        this.criterion = task.criterion();
        this.clipGradNorm = config.optimizer().clipGradNorm() == null ? 0 : config.optimizer().clipGradNorm().floatValue();
    }

    /**
     * Runs from the start, or from a checkpoint whose parameters the network already holds.
     *
     * @param checkpoint the checkpoint to continue from (its optimizer and loop state are restored), or null
     * @param runContext what listeners are told at the start (its start epoch and step are filled in here)
     * @return the run's final report
     * @throws IOException when checkpoints or outputs cannot be written or read
     */
    public RunReport run(Path checkpoint, RunContext runContext) throws IOException {
        boolean resume = checkpoint != null;
        LoopState state = resume ? restore(checkpoint)
                : new LoopState(-1, 0, criterion.initial(), -1, 0, List.of());
        RunContext context = new RunContext(runContext.runName(), runContext.modelDir(), runContext.logDir(),
                state.epoch() + 1, state.globalStep(), resume, runContext.classNames(),
                runContext.hyperparameters());
        listeners.forEach(l -> l.onRunStart(context));
        int epochs = config.training().epochs();
        int patience = config.training().patience();
        for (int epoch = state.epoch() + 1; epoch < epochs; epoch++) {
            state = runEpoch(epoch, state);
            if (patience > 0 && state.epochsWithoutImprovement() >= patience) {
                int bestEpoch = state.bestEpoch();
                listeners.forEach(l -> l.onEarlyStop(criterion.name(), patience, bestEpoch));
                break;
            }
        }
        return finish(state, context.modelDir());
    }

    private LoopState runEpoch(int epoch, LoopState previous) throws IOException {
        long started = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) (config.seed() + epoch));
        SplitResult train;
        long globalStep;
        try (SplitEvaluator evaluator = task.trainingEvaluator(manager)) {
            globalStep = trainEpoch(epoch, previous.globalStep(), evaluator);
            train = evaluator.finish();
        }
        Map<String, SplitResult> results = evaluateEpoch(train);
        SplitResult validation = results.get("validation");
        double score = criterion.value(validation);
        boolean improved = criterion.improves(score, previous.bestScore());
        if (improved) {
            AtomicFiles.write(checkpoints.best(), this::saveParameters);
        }
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("epoch", (double) epoch + 1);
        results.forEach((split, result) -> putResult(summary, split, result));
        List<Map<String, Double>> history = new ArrayList<>(previous.history());
        history.add(summary);
        LoopState state = new LoopState(epoch, globalStep,
                improved ? score : previous.bestScore(),
                improved ? epoch : previous.bestEpoch(),
                improved ? 0 : previous.epochsWithoutImprovement() + 1, history);
        checkpoints.save(state, this::writeCheckpointFiles);
        EpochReport report = epochReport(epoch, globalStep, (System.nanoTime() - started) / 1e9, results);
        listeners.forEach(l -> l.onEpochEnd(report));
        return state;
    }

    /** Evaluates the task's per-epoch splits (validation; test too for embeddings) with the current parameters. */
    private Map<String, SplitResult> evaluateEpoch(SplitResult train) throws IOException {
        UnaryOperator<NDList> forward = input -> network.forward(input, false);
        Map<String, SplitResult> results = new LinkedHashMap<>();
        results.put("train", train);
        for (String split : task.splitsEachEpoch()) {
            results.put(split, evaluate(data.split(split), forward));
        }
        return results;
    }

    private EpochReport epochReport(int epoch, long globalStep, double seconds, Map<String, SplitResult> results) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, float[]> distributions = new LinkedHashMap<>();
        results.forEach((split, result) -> {
            result.scalars().forEach((name, value) -> scalars.put(split + "/" + name, value));
            result.distributions().forEach((name, values) -> distributions.put(split + "/" + name, values));
            if (result.margins() == null) {
                scalars.put(split + "/loss", result.loss());
            }
        });
        return new EpochReport(epoch, globalStep, optimizer.currentLearningRate(), seconds,
                results.get("train").margins(), results.get("validation").margins(), scalars, distributions);
    }

    private long trainEpoch(int epoch, long startStep, SplitEvaluator evaluator) throws IOException {
        Sampler sampler = trainSampler();
        ((EpochAware) sampler).setEpoch(epoch);
        ArrayDataset dataset = data.train().toDataset(sampler);
        int logInterval = config.training().logInterval();
        long batches = (dataset.size() + sampler.getBatchSize() - 1) / sampler.getBatchSize();
        ProgressBar progress = new ProgressBar(
                String.format("Epoch %d/%d", epoch + 1, config.training().epochs()), batches);
        long step = startStep;
        long batchIndex = 0;
        try (NDManager windowManager = manager.newSubManager()) {
            StepWindow window = new StepWindow(logInterval, windowManager);
            for (Batch batch : iterate(dataset)) {
                try (batch) {
                    optimizer.setStep(step + 1);
                    boolean logStep = (batchIndex + 1) % logInterval == 0;
                    StepResult result = trainStep(batch, evaluator, logStep);
                    window.add(result.loss());
                    step++;
                    batchIndex++;
                    if (window.isFull()) {
                        float[] losses = checkFinite(window, epoch, batchIndex);
                        report(epoch, step, losses[losses.length - 1], result);
                        progress.update(batchIndex, String.format("loss %.4f", losses[losses.length - 1]));
                    }
                    result.close();
                }
            }
            if (!window.isEmpty()) {
                checkFinite(window, epoch, batchIndex);
            }
        }
        progress.end();
        return step;
    }

    private Sampler trainSampler() {
        TrainingConfig loop = config.training();
        if (loop.isPk()) {
            return PkSampler.builder().labels(data.train().labelArray()).classesPerBatch(loop.classesPerBatch())
                    .samplesPerClass(loop.samplesPerClass()).seed(config.seed()).build();
        }
        return new ShuffleSampler(loop.batchSize(), true, config.seed());
    }

    private Iterable<Batch> iterate(ArrayDataset dataset) throws IOException {
        try {
            return dataset.getData(manager);
        } catch (TranslateException e) {
            throw new IOException("cannot iterate the training data: " + e.getMessage(), e);
        }
    }

    /** The outputs of one step, alive until closed so a logged step can report its loss parts. */
    private record StepResult(NDArray loss, NDList labels, NDList predictions, double gradientNorm)
            implements AutoCloseable {
        @Override
        public void close() {
            loss.close();
        }
    }

    private StepResult trainStep(Batch batch, SplitEvaluator evaluator, boolean logStep) {
        Batch[] splits = batch.split(network.devices(), false);
        NDArray total = null;
        NDList labels = null;
        NDList predictions = null;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (Batch split : splits) {
                labels = split.getLabels();
                predictions = network.forward(split.getData(), true);
                NDArray perSample = null;
                NDArray loss;
                if (task.loss() instanceof AbstractHingeLoss hinge) {
                    // A plain hinge run: its loss is the mean of the per-sample values the margin statistics read.
                    perSample = hinge.perSample(labels, predictions);
                    loss = perSample.mean();
                } else {
                    loss = task.loss().evaluate(labels, predictions);
                }
                collector.backward(loss);
                NDArray detached = loss.stopGradient().toDevice(network.devices()[0], false);
                evaluator.add(labels.head(), predictions, detached,
                        perSample == null ? null : perSample.stopGradient());
                total = total == null ? detached : total.add(detached);
            }
        }
        double gradientNorm = logStep && !listeners.isEmpty() ? network.gradientNorm() : Double.NaN;
        if (clipGradNorm > 0) {
            network.clipGradients(clipGradNorm);
        }
        network.step();
        return new StepResult(total.div(splits.length), labels, predictions, gradientNorm);
    }

    private float[] checkFinite(StepWindow window, int epoch, long batchesDone) throws IOException {
        float[] losses = window.drain();
        int bad = StepWindow.firstNonFinite(losses);
        if (bad >= 0) {
            long batch = batchesDone - losses.length + bad;
            String kept = checkpoints.latest().map(p -> "the last good checkpoint is kept at " + p)
                    .orElse("no checkpoint was written yet");
            throw new NonFiniteLossException(epoch, batch, kept);
        }
        return losses;
    }

    private void report(int epoch, long step, float loss, StepResult result) {
        Map<String, Double> parts = new LinkedHashMap<>();
        if (task.loss() instanceof LossDiagnostics diagnostics) {
            diagnostics.diagnostics(result.labels(), result.predictions())
                    .forEach((name, value) -> parts.put(name, value.toType(DataType.FLOAT64, false).getDouble()));
        }
        StepReport report = new StepReport(epoch, step, loss, parts, result.gradientNorm(),
                optimizer.currentLearningRate());
        listeners.forEach(l -> l.onStep(report));
    }

    /**
     * Evaluates a network on a split, in batches.
     *
     * @param split the split
     * @param forward the network's inference-mode forward pass
     * @return the split's result
     * @throws IOException when the data cannot be iterated
     */
    private SplitResult evaluate(LabeledData split, UnaryOperator<NDList> forward) throws IOException {
        try (SplitEvaluator evaluator = task.evaluator(manager)) {
            forEachBatch(split, forward, (labels, predictions) -> evaluator.add(labels, predictions, null));
            return evaluator.finish();
        }
    }

    private void forEachBatch(LabeledData split, UnaryOperator<NDList> forward,
            BiConsumer<NDArray, NDList> consumer) throws IOException {
        split.inBatches(config.training().batchSize(), manager,
                (labels, features) -> consumer.accept(labels, forward.apply(features)));
    }

    private static void putResult(Map<String, Double> out, String split, SplitResult result) {
        out.put(split + "/" + MetricNames.LOSS, result.loss());
        if (result.margins() != null) {
            result.margins().scalars().forEach((name, value) -> out.putIfAbsent(split + "/" + name, value));
        }
        result.scalars().forEach((name, value) -> out.put(split + "/" + name, value));
    }

    private RunReport finish(LoopState state, Path modelDir) throws IOException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("best_epoch", (double) state.bestEpoch() + 1);
        Optional<ValidationScores> scores = task.validationScores();
        Map<String, MarginReport> reports = new LinkedHashMap<>();
        try (TrainedModel best = TrainedModel.load(config, info, checkpoints.best(), network.devices()[0])) {
            for (String split : task.finalSplits()) {
                SplitResult result = evaluate(data.split(split), best::predict);
                putResult(metrics, split, result);
                if (result.margins() != null) {
                    reports.put(split, result.margins());
                }
            }
            if (scores.isPresent()) {
                forEachBatch(data.validation(), best::predict, scores.get()::add);
            }
        }
        RunReport report = new RunReport(metrics, reports, scores.map(ValidationScores::labels).orElse(null),
                scores.map(ValidationScores::scores).orElse(null), scores.map(ValidationScores::margins).orElse(null), config, modelDir);
        listeners.forEach(l -> l.onRunEnd(report));
        return report;
    }

    private void writeCheckpointFiles(Path dir) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(Checkpoints.PARAMETERS)))) {
            saveParameters(out);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(Checkpoints.OPTIMIZER)))) {
            optimizer.save(out, network.parameterNames(), network.devices()[0]);
        }
        RunConfigs.write(config, dir.resolve(Checkpoints.CONFIG));
    }

    private void saveParameters(OutputStream out) throws IOException {
        network.block().saveParameters(new DataOutputStream(out));
    }

    private LoopState restore(Path checkpoint) throws IOException {
        Map<String, String> ids = new HashMap<>();
        network.parameterNames().forEach((id, name) -> ids.put(name, id));
        Device device = network.devices()[0];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(checkpoint.resolve(Checkpoints.OPTIMIZER)))) {
            optimizer.load(in, ids, device);
        }
        LoopState state = Checkpoints.readState(checkpoint);
        listeners.forEach(l -> l.onResume(checkpoint, state.epoch(), state.globalStep()));
        return state;
    }
}
