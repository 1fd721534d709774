package io.hingekit.online;

import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.files.DirectoryLock;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one call behind {@code learn-online}: reads the config, resumes from the model directory's checkpoint when
 * there is one, and learns from each record of the input in order: score it (progressive validation), learn from
 * it, advance its partition's offset. Records at or below a partition's checkpointed offset are skipped. Every
 * {@code online.checkpointEvery} examples, and once at the end, it writes the checkpoint (weights, offsets and
 * totals in one atomic file) and then the model files. A bad record stops the job before it is learnt from, with an
 * {@link IllegalArgumentException} naming its position; the last checkpoint stays. One job at a time per model
 * directory (an OS file lock on {@code train.lock}).
 */
public final class OnlineLearning {

    /** Config keys a restart may change: they do not touch what was learnt. */
    public static final Set<String> RESTARTABLE_KEYS = Set.of("online.window", "online.checkpointEvery",
            "online.logEvery");

    private volatile RecordSource running;
    private volatile boolean stopped;

    /**
     * Runs a job to the end of its stream, its example limit or {@link #stop}.
     *
     * @param request what to do
     * @param listeners what hears of the progress
     * @return the final figures
     * @throws IOException when reading or writing fails
     * @throws IllegalArgumentException when the config, the input or a record is bad
     */
    public OnlineListener.Progress run(OnlineRequest request, List<OnlineListener> listeners) throws IOException {
        RunConfig config = RunConfigs.read(request.config());
        if (config.online() == null) {
            throw new IllegalArgumentException("config " + request.config() + " has no online section (learn-online "
                    + "needs one; see configs/fashion-online-pa.yaml)");
        }
        StreamSchema schema = StreamSchema.of(config);
        Path out = request.out() != null ? request.out() : Path.of("models", config.name());
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        Files.createDirectories(out);
        ModelDirectory dir = new ModelDirectory(out);
        try (DirectoryLock lock = DirectoryLock.acquire(dir.lock())) {
            OnlineCheckpoint checkpoint = startingPoint(dir, config, request.overwrite());
            return learn(request, config, schema, dir, checkpoint, listeners);
        }
    }

    /**
     * Makes a running job end after the record it is learning from, with a final checkpoint; safe to call from
     * another thread (a shutdown hook).
     */
    public void stop() {
        stopped = true;
        RecordSource source = running;
        if (source != null) {
            source.stop();
        }
    }

    /** The checkpoint to resume from, or null for a fresh job. */
    private static OnlineCheckpoint startingPoint(ModelDirectory dir, RunConfig config, boolean overwrite)
            throws IOException {
        Path file = OnlineCheckpoint.file(dir.root());
        if (overwrite) {
            Files.deleteIfExists(file);
            return null;
        }
        if (!Files.isRegularFile(file)) {
            if (Files.isRegularFile(dir.config())) {
                throw new IllegalArgumentException(dir.root() + " holds a model but no online checkpoint to resume "
                        + "from; use --overwrite to replace it, or another --out");
            }
            return null;
        }
        requireRestartable(dir, config);
        OnlineCheckpoint checkpoint = OnlineCheckpoint.read(file);
        if (!checkpoint.algorithm().equals(config.online().algorithm().word())) {
            throw new IllegalArgumentException(file + " was learnt by " + checkpoint.algorithm() + ", the config asks "
                    + "for " + config.online().algorithm().word() + "; use --overwrite to start afresh");
        }
        return checkpoint;
    }

    /** Refuses a restart whose config changes what was learnt, naming each changed key with both values. */
    private static void requireRestartable(ModelDirectory dir, RunConfig config) {
        if (!Files.isRegularFile(dir.config())) {
            return; // killed before the first model files: the checkpoint's algorithm is checked
        }
        Map<String, Object> saved = RunConfigs.flatten(RunConfigs.read(dir.config()));
        Map<String, Object> now = RunConfigs.flatten(config);
        Set<String> keys = new TreeSet<>(saved.keySet());
        keys.addAll(now.keySet());
        List<String> changes = new ArrayList<>();
        for (String key : keys) {
            if (!RESTARTABLE_KEYS.contains(key) && !Objects.equals(saved.get(key), now.get(key))) {
                changes.add(key + " (" + saved.get(key) + " -> " + now.get(key) + ")");
            }
        }
        if (!changes.isEmpty()) {
            throw new IllegalArgumentException("the config differs from " + dir.config() + " in "
                    + String.join(", ", changes) + "; a restart may change only " + String.join(", ",
                    new TreeSet<>(RESTARTABLE_KEYS)) + " (use --overwrite to start afresh)");
        }
    }

    private OnlineListener.Progress learn(OnlineRequest request, RunConfig config, StreamSchema schema,
            ModelDirectory dir, OnlineCheckpoint checkpoint, List<OnlineListener> listeners) throws IOException {
        OnlineLearner learner = OnlineLearner.of(config.online(), config.loss(), schema.classNames().size(),
                schema.features());
        StreamOffsets offsets = new StreamOffsets(checkpoint == null ? Map.of() : checkpoint.offsets());
        ProgressiveValidation progress = new ProgressiveValidation(config.online().window(),
                checkpoint == null ? ProgressiveValidation.Totals.EMPTY : checkpoint.totals());
        if (checkpoint != null) {
            learner.restore(checkpoint.weights(), checkpoint.steps());
        }
        Path logDir = request.logDir() != null ? request.logDir() : Path.of("runs", config.name());
        String group = "hingekit-learn-online-" + config.name();
        try (RecordSource source = RecordSources.open(request.input(), request.format(), schema, group,
                request.stopAtEnd())) {
            running = source;
            source.seek(offsets);
            OnlineListener.Start start = new OnlineListener.Start(config.name(), dir.root(), logDir, learner.steps(),
                    request.input(), RunConfigs.flatten(config));
            listeners.forEach(l -> l.onStart(start));
            Loop loop = new Loop(config, schema, dir, learner, offsets, progress, source, listeners);
            return loop.run(request.maxExamples());
        } finally {
            running = null;
        }
    }

    /** One process's pass over the stream. */
    private final class Loop {
        private final RunConfig config;
        private final StreamSchema schema;
        private final ModelDirectory dir;
        private final OnlineLearner learner;
        private final StreamOffsets offsets;
        private final ProgressiveValidation progress;
        private final RecordSource source;
        private final List<OnlineListener> listeners;
        private final long started = System.nanoTime();
        private long learnt;
        private long skipped;
        private long checkpointedAt = -1;

        Loop(RunConfig config, StreamSchema schema, ModelDirectory dir, OnlineLearner learner, StreamOffsets offsets,
                ProgressiveValidation progress, RecordSource source, List<OnlineListener> listeners) {
            this.config = config;
            this.schema = schema;
            this.dir = dir;
            this.learner = learner;
            this.offsets = offsets;
            this.progress = progress;
            this.source = source;
            this.listeners = listeners;
        }

        OnlineListener.Progress run(long maxExamples) throws IOException {
            int logEvery = config.online().logEvery();
            int checkpointEvery = config.online().checkpointEvery();
            for (StreamRecord record = source.next(); record != null && !stopped; record = source.next()) {
                if (offsets.learned(record)) {
                    skipped++;
                    continue;
                }
                learnFrom(record);
                if (learnt % logEvery == 0) {
                    OnlineListener.Progress now = progress();
                    listeners.forEach(l -> l.onProgress(now));
                }
                if (learnt % checkpointEvery == 0) {
                    checkpoint();
                }
                if (maxExamples > 0 && learnt >= maxExamples) {
                    break;
                }
            }
            if (checkpointedAt != learner.steps()) {
                checkpoint();
            }
            OnlineListener.Progress end = progress();
            listeners.forEach(l -> l.onEnd(end));
            return end;
        }

        private void learnFrom(StreamRecord record) {
            float[] x = schema.features(record);
            int label = schema.label(record);
            double[] scores = learner.scores(x);
            double loss = learner.hinge(learner.margin(scores, label));
            progress.record(predicted(scores) == label, loss);
            learner.learn(x, label, scores);
            offsets.advance(record);
            learnt++;
        }

        /** The highest score's class (the first on ties), or for binary 1 where the score is above 0. */
        private int predicted(double[] scores) {
            if (scores.length == 1) {
                return scores[0] > 0 ? 1 : 0;
            }
            int best = 0;
            for (int r = 1; r < scores.length; r++) {
                best = scores[r] > scores[best] ? r : best;
            }
            return best;
        }

        private void checkpoint() throws IOException {
            Path file = OnlineCheckpoint.file(dir.root());
            new OnlineCheckpoint(config.online().algorithm().word(), learner.steps(), offsets.asMap(),
                    learner.weights().copyRows(), progress.totals()).write(file);
            OnlineModelFiles.write(dir, config, schema, learner.weights(), progress.figures());
            source.checkpointed(offsets);
            checkpointedAt = learner.steps();
            OnlineListener.Progress now = progress();
            listeners.forEach(l -> l.onCheckpoint(now, file));
        }

        private OnlineListener.Progress progress() {
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            return new OnlineListener.Progress(progress.figures(), learnt, skipped, learnt / seconds);
        }
    }
}
