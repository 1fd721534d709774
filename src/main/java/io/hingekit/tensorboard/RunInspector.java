package io.hingekit.tensorboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.protobuf.InvalidProtocolBufferException;
import io.hingekit.tensorboard.proto.Event;
import io.hingekit.tensorboard.proto.PrCurvePluginData;
import io.hingekit.tensorboard.proto.SessionLog;
import io.hingekit.tensorboard.proto.Summary;
import io.hingekit.tensorboard.proto.TensorProto;
import io.hingekit.tensorboard.proto.hparams.HParamsPluginData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Summarises a run directory's TensorBoard event files (all of them, oldest first): tags with counts, step ranges
 * and last values, restarts, hyperparameters, and damaged records, as text or JSON.
 */
public final class RunInspector {

    private static final int TEXT_PREVIEW_CHARS = 80;
    private static final double PR_REPORT_THRESHOLD = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Reads every event file directly in a run directory.
     *
     * @param runDir the run's log directory
     * @return the summary
     * @throws IllegalArgumentException if the path is not a directory or holds no event file
     * @throws IOException if a file cannot be read
     */
    public RunSummary inspect(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("not a directory: " + runDir);
        }
        List<Path> files = eventFiles(runDir);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("not a TensorBoard run directory (no " + EventFileWriter.FILE_PREFIX
                    + "* file): " + runDir);
        }
        Accumulator run = new Accumulator();
        for (Path file : files) {
            run.read(file);
        }
        return run.summary(runDir, files);
    }

    /**
     * Renders a summary as indented JSON.
     *
     * @param summary the summary
     * @return the JSON text
     */
    public static String toJson(RunSummary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run summary is not serialisable", e);
        }
    }

    /**
     * Renders a summary as a text report with small histogram bar charts.
     *
     * @param summary the summary
     * @return the report
     */
    public static String toText(RunSummary summary) {
        return RunSummaryText.render(summary);
    }

    private static List<Path> eventFiles(Path runDir) throws IOException {
        try (Stream<Path> entries = Files.list(runDir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(EventFileWriter.FILE_PREFIX))
                    .sorted()
                    .toList();
        }
    }

    /** Running totals over the events of a run. */
    private static final class Accumulator {
        private final Map<String, TagState> tags = new TreeMap<>();
        private final List<Long> sessionStarts = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private Map<String, Object> hyperparameters;
        private long events;

        void read(Path file) throws IOException {
            try (EventFileReader reader = EventFileReader.open(file)) {
                for (Event event = reader.next(); event != null; event = reader.next()) {
                    accept(event);
                }
                reader.truncated().ifPresent(t -> problems.add(t.file().getFileName()
                        + ": truncated last record at byte offset " + t.offset() + " (" + t.bytesPresent()
                        + " bytes present)"));
            } catch (CorruptRecordException e) {
                problems.add(e.file().getFileName() + ": corrupt record at byte offset " + e.offset() + ": "
                        + e.problem());
            }
        }

        void accept(Event event) throws InvalidProtocolBufferException {
            events++;
            if (event.hasSessionLog() && event.getSessionLog().getStatus() == SessionLog.SessionStatus.START) {
                sessionStarts.add(event.getStep());
            }
            for (Summary.Value value : event.getSummary().getValueList()) {
                if (value.getTag().equals(Tags.HPARAMS_SESSION_START)) {
                    hyperparameters = hparams(value);
                } else if (!value.getTag().startsWith("_hparams_/")) {
                    tags.computeIfAbsent(value.getTag(), tag -> new TagState(plugin(value))).accept(event.getStep(),
                            value);
                }
            }
        }

        RunSummary summary(Path runDir, List<Path> files) {
            List<TagSummary> tagSummaries = new ArrayList<>();
            tags.forEach((tag, state) -> tagSummaries.add(state.summary(tag)));
            return new RunSummary(runDir.toString(), files.stream().map(f -> f.getFileName().toString()).toList(),
                    events, sessionStarts, tagSummaries, hyperparameters, problems);
        }

        private static Map<String, Object> hparams(Summary.Value value) throws InvalidProtocolBufferException {
            HParamsPluginData data = HParamsPluginData.parseFrom(value.getMetadata().getPluginData().getContent());
            Map<String, Object> values = new LinkedHashMap<>();
            data.getSessionStartInfo().getHparamsMap().forEach((name, v) -> values.put(name, switch (v.getKindCase()) {
                case BOOL_VALUE -> v.getBoolValue();
                case NUMBER_VALUE -> v.getNumberValue();
                default -> v.getStringValue();
            }));
            return new TreeMap<>(values);
        }

        private static String plugin(Summary.Value value) {
            String named = value.getMetadata().getPluginData().getPluginName();
            if (!named.isEmpty()) {
                return named;
            }
            return switch (value.getValueCase()) {
                case SIMPLE_VALUE -> Summaries.SCALARS_PLUGIN;
                case HISTO -> Summaries.HISTOGRAMS_PLUGIN;
                case IMAGE -> Summaries.IMAGES_PLUGIN;
                default -> "unknown";
            };
        }
    }

    /** Totals for one tag. */
    private static final class TagState {
        private final String plugin;
        private long count;
        private long firstStep = Long.MAX_VALUE;
        private long lastStep;
        private Summary.Value last;

        TagState(String plugin) {
            this.plugin = plugin;
        }

        void accept(long step, Summary.Value value) {
            count++;
            firstStep = Math.min(firstStep, step);
            lastStep = step;
            last = value;
        }

        TagSummary summary(String tag) {
            Double scalar = scalarValue(last);
            HistogramSketch histogram = last.hasHisto()
                    ? HistogramSketch.of(last.getHisto(), HistogramSketch.DEFAULT_BINS)
                    : null;
            String detail = scalar == null && histogram == null ? detail() : null;
            return new TagSummary(tag, plugin, count, firstStep, lastStep, scalar, histogram, detail);
        }

        private String detail() {
            if (last.hasImage()) {
                Summary.Image image = last.getImage();
                return "image " + image.getWidth() + "x" + image.getHeight() + ", "
                        + image.getEncodedImageString().size() + " bytes";
            }
            TensorProto tensor = last.getTensor();
            if (plugin.equals(Summaries.PR_CURVES_PLUGIN)) {
                return prCurveDetail(tensor);
            }
            if (tensor.getStringValCount() > 0) {
                String text = tensor.getStringVal(0).toString(StandardCharsets.UTF_8).strip()
                        .replaceAll("\\s+", " ");
                return text.length() > TEXT_PREVIEW_CHARS ? text.substring(0, TEXT_PREVIEW_CHARS) + "..." : text;
            }
            return "tensor " + tensor.getDtype() + " " + tensor.getTensorShape().getDimList().stream()
                    .map(d -> Long.toString(d.getSize())).toList();
        }

        private static String prCurveDetail(TensorProto tensor) {
            float[] values = floats(tensor);
            int thresholds = values.length / PrCurve.ROWS;
            if (thresholds < 2) {
                return "empty PR curve";
            }
            int at = (int) Math.round(PR_REPORT_THRESHOLD * (thresholds - 1));
            return String.format("%d thresholds; at %.2f: precision %.4f, recall %.4f", thresholds,
                    at / (double) (thresholds - 1), values[4 * thresholds + at], values[5 * thresholds + at]);
        }

        private static Double scalarValue(Summary.Value value) {
            if (value.hasSimpleValue()) {
                return (double) value.getSimpleValue();
            }
            TensorProto tensor = value.getTensor();
            boolean rankZero = value.hasTensor() && tensor.getTensorShape().getDimCount() == 0;
            if (rankZero && tensor.getDoubleValCount() == 1) {
                return tensor.getDoubleVal(0);
            }
            float[] floats = rankZero ? floats(tensor) : new float[0];
            return floats.length == 1 ? (double) floats[0] : null;
        }

        private static float[] floats(TensorProto tensor) {
            if (tensor.getFloatValCount() > 0) {
                float[] values = new float[tensor.getFloatValCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = tensor.getFloatVal(i);
                }
                return values;
            }
            if (tensor.getDtype() != io.hingekit.tensorboard.proto.DataType.DT_FLOAT) {
                return new float[0];
            }
            ByteBuffer content = tensor.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[content.remaining() / Float.BYTES];
            content.asFloatBuffer().get(values);
            return values;
        }
    }
}
