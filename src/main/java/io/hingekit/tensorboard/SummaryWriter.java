package io.hingekit.tensorboard;

import ai.djl.ndarray.NDArray;
import io.hingekit.tensorboard.proto.Event;
import io.hingekit.tensorboard.proto.SessionLog;
import io.hingekit.tensorboard.proto.Summary;
import io.hingekit.tensorboard.proto.SummaryMetadata;
import io.hingekit.tensorboard.proto.hparams.Status;
import io.hingekit.util.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Logs a run's scalars, histograms, text, PR curves, images and hyperparameters to a new event file in the run's
 * log directory, in the layouts of TensorBoard's plugins.
 *
 * <p>Each verb validates its tag ({@link Tags#validate}) and queues one event; the first value of each tag in the
 * file carries the plugin's summary metadata. One writer per directory may be open in a JVM at a time, so that
 * two writers never interleave a run's series. Verbs may be called from several threads.
 */
public final class SummaryWriter implements AutoCloseable {

    private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

    private final Path logDir;
    private final EventFileWriter events;
    private final double openedAt = WallClock.seconds();
    private final Set<String> describedTags = new HashSet<>();
    private final Set<String> tagsWithNonFinite = ConcurrentHashMap.newKeySet();
    private long lastStep;
    private boolean closed;

    private SummaryWriter(Path logDir, EventFileWriter events) {
        this.logDir = logDir;
        this.events = events;
    }

    /**
     * Opens a writer with the default queue and flush settings.
     *
     * @param logDir the run's log directory (created if missing)
     * @return the writer
     * @throws IOException if the event file cannot be created
     * @throws IllegalStateException if a writer for this directory is already open in this JVM
     */
    public static SummaryWriter open(Path logDir) throws IOException {
        return open(EventFileWriter.builder().logDir(logDir));
    }

    /**
     * Opens a writer with the given event file settings.
     *
     * @param settings the event file writer's builder, its log directory set
     * @return the writer
     * @throws IOException if the event file cannot be created
     * @throws IllegalArgumentException if the settings are invalid
     * @throws IllegalStateException if a writer for this directory is already open in this JVM
     */
    public static SummaryWriter open(EventFileWriter.Builder settings) throws IOException {
        Checks.present("logDir", settings.logDir());
        Path key = settings.logDir().toAbsolutePath().normalize();
        if (!OPEN_DIRECTORIES.add(key)) {
            throw new IllegalStateException("a SummaryWriter is already open for " + key);
        }
        try {
            return new SummaryWriter(key, settings.build());
        } catch (IOException | RuntimeException e) {
            OPEN_DIRECTORIES.remove(key);
            throw e;
        }
    }

    /**
     * Logs a scalar.
     *
     * @param tag the tag
     * @param value the value; NaN and infinities are logged as such
     * @param step the global step, &gt;= 0
     */
    public void scalar(String tag, double value, long step) {
        emit(step, Summaries.scalar(Tags.validate(tag), value), Summaries::scalarMetadata);
    }

    /**
     * Logs a histogram of Java values (bucketed as {@link ExponentialHistogram}); NaN and infinite values are left
     * out and counted in the scalar {@code <tag>/nonfinite_count}, logged from the tag's first histogram that had
     * any.
     *
     * @param tag the tag
     * @param values the values
     * @param step the global step, &gt;= 0
     */
    public void histogram(String tag, float[] values, long step) {
        Tags.validate(tag);
        logHistogram(tag, ExponentialHistogram.of(values), step);
    }

    /**
     * Logs a histogram of an NDArray of any shape, bucketed on its device; NaN and infinite values are left out
     * and counted in the scalar {@code <tag>/nonfinite_count}, logged from the tag's first histogram that had
     * any.
     *
     * @param tag the tag
     * @param values the values (left unchanged and open)
     * @param step the global step, &gt;= 0
     */
    public void histogram(String tag, NDArray values, long step) {
        Tags.validate(tag);
        logHistogram(tag, ExponentialHistogram.of(values), step);
    }

    /**
     * Logs Markdown text.
     *
     * @param tag the tag
     * @param markdown the text
     * @param step the global step, &gt;= 0
     */
    public void text(String tag, String markdown, long step) {
        Checks.present("markdown", markdown);
        emit(step, Summaries.text(Tags.validate(tag), markdown), Summaries::textMetadata);
    }

    /**
     * Logs a precision-recall curve with {@value PrCurve#DEFAULT_NUM_THRESHOLDS} thresholds.
     *
     * @param tag the tag
     * @param labels whether each sample is positive
     * @param predictions each sample's predicted probability of being positive, in [0, 1]
     * @param step the global step, &gt;= 0
     */
    public void prCurve(String tag, boolean[] labels, float[] predictions, long step) {
        prCurve(tag, labels, predictions, PrCurve.DEFAULT_NUM_THRESHOLDS, step);
    }

    /**
     * Logs a precision-recall curve.
     *
     * @param tag the tag
     * @param labels whether each sample is positive
     * @param predictions each sample's predicted probability of being positive, in [0, 1]
     * @param numThresholds number of thresholds, at least 2
     * @param step the global step, &gt;= 0
     */
    public void prCurve(String tag, boolean[] labels, float[] predictions, int numThresholds, long step) {
        PrCurve curve = PrCurve.compute(labels, predictions, numThresholds);
        emit(step, Summaries.prCurve(Tags.validate(tag), curve), () -> Summaries.prCurveMetadata(numThresholds));
    }

    /**
     * Logs a PNG image.
     *
     * @param tag the tag
     * @param png the encoded image
     * @param step the global step, &gt;= 0
     */
    public void image(String tag, byte[] png, long step) {
        emit(step, Summaries.image(Tags.validate(tag), png), Summaries::imageMetadata);
    }

    /**
     * Records this run in the HPARAMS tab at the highest step logged so far: see {@link #hparams(Map, Map, long)}.
     *
     * @param hyperparameters hyperparameter values by name
     * @param finalMetrics final metric values by scalar tag
     */
    public void hparams(Map<String, ?> hyperparameters, Map<String, Double> finalMetrics) {
        hparams(hyperparameters, finalMetrics, lastStep());
    }

    /**
     * Records this run in the HPARAMS tab: logs each final metric as a scalar at {@code step} (the tab shows a
     * metric's last value), then the experiment (hyperparameter and metric columns), the session start (this run's
     * values) and a successful session end, all in this run's own directory.
     *
     * @param hyperparameters hyperparameter values by name: Boolean, Number, CharSequence, Enum or Collection
     * @param finalMetrics final metric values by scalar tag
     * @param step the step of the metric scalars; use at least the last step logged so that TensorBoard keeps the
     *     earlier points
     * @throws IllegalArgumentException if a hyperparameter value has an unsupported type or a metric tag is invalid
     */
    public void hparams(Map<String, ?> hyperparameters, Map<String, Double> finalMetrics, long step) {
        finalMetrics.keySet().forEach(Tags::validate);
        Summary.Value start = Summaries.hparamsSessionStart(hyperparameters, openedAt);
        finalMetrics.forEach((tag, value) -> scalar(tag, value, step));
        emit(step, Summaries.hparamsExperiment(hyperparameters, finalMetrics.keySet(), openedAt), null);
        emit(step, start, null);
        emit(step, Summaries.hparamsSessionEnd(Status.STATUS_SUCCESS, WallClock.seconds()), null);
    }

    /**
     * Marks a session start at a step. TensorBoard's Python loader takes the first START of a run as its beginning
     * and each later one as a restart (a resume from a checkpoint): it then drops the points at or after that step
     * that earlier processes logged. So write one when a run first starts as well as on every resume.
     *
     * @param step the step training resumes at, &gt;= 0
     */
    public void sessionStart(long step) {
        Checks.nonNegative("step", step);
        SessionLog start = SessionLog.newBuilder().setStatus(SessionLog.SessionStatus.START).build();
        add(Event.newBuilder().setWallTime(WallClock.seconds()).setStep(step).setSessionLog(start).build(), step);
    }

    /**
     * Returns the highest step logged so far by this writer.
     *
     * @return the step, 0 before anything was logged
     */
    public synchronized long lastStep() {
        return lastStep;
    }

    /**
     * Returns the log directory.
     *
     * @return the absolute directory
     */
    public Path logDir() {
        return logDir;
    }

    /**
     * Returns the event file being written.
     *
     * @return the file
     */
    public Path file() {
        return events.file();
    }

    /**
     * Writes everything logged so far to the file.
     *
     * @throws IOException if writing failed
     */
    public void flush() throws IOException {
        events.flush();
    }

    /**
     * Writes everything, fsyncs and closes the file, and frees the directory for another writer; a second call
     * does nothing.
     *
     * @throws IOException if writing failed
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            events.close();
        } finally {
            OPEN_DIRECTORIES.remove(logDir);
        }
    }

    private void logHistogram(String tag, ExponentialHistogram histogram, long step) {
        emit(step, Summaries.histogram(tag, histogram.proto()), Summaries::histogramMetadata);
        String countTag = tag + Tags.NONFINITE_COUNT_SUFFIX;
        if (histogram.nonFiniteCount() > 0) {
            tagsWithNonFinite.add(tag);
        }
        if (tagsWithNonFinite.contains(tag)) {
            scalar(countTag, histogram.nonFiniteCount(), step);
        }
    }

    /** Queues one summary value; {@code metadata} (null when the value carries its own) goes with a tag's first. */
    private synchronized void emit(long step, Summary.Value value, Supplier<SummaryMetadata> metadata) {
        Checks.nonNegative("step", step);
        Summary.Value described = metadata != null && describedTags.add(value.getTag())
                ? value.toBuilder().setMetadata(metadata.get()).build()
                : value;
        Summary summary = Summary.newBuilder().addValue(described).build();
        add(Event.newBuilder().setWallTime(WallClock.seconds()).setStep(step).setSummary(summary).build(), step);
    }

    private synchronized void add(Event event, long step) {
        events.add(event);
        lastStep = Math.max(lastStep, step);
    }
}
