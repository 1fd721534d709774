package io.hingekit.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.Value;
import io.hingekit.tensorboard.proto.DataClass;
import io.hingekit.tensorboard.proto.DataType;
import io.hingekit.tensorboard.proto.HistogramPluginData;
import io.hingekit.tensorboard.proto.HistogramProto;
import io.hingekit.tensorboard.proto.ImagePluginData;
import io.hingekit.tensorboard.proto.PrCurvePluginData;
import io.hingekit.tensorboard.proto.ScalarPluginData;
import io.hingekit.tensorboard.proto.Summary;
import io.hingekit.tensorboard.proto.SummaryMetadata;
import io.hingekit.tensorboard.proto.TensorProto;
import io.hingekit.tensorboard.proto.TensorShapeProto;
import io.hingekit.tensorboard.proto.TextPluginData;
import io.hingekit.tensorboard.proto.hparams.Experiment;
import io.hingekit.tensorboard.proto.hparams.HParamInfo;
import io.hingekit.tensorboard.proto.hparams.HParamsPluginData;
import io.hingekit.tensorboard.proto.hparams.MetricInfo;
import io.hingekit.tensorboard.proto.hparams.MetricName;
import io.hingekit.tensorboard.proto.hparams.SessionEndInfo;
import io.hingekit.tensorboard.proto.hparams.SessionStartInfo;
import io.hingekit.tensorboard.proto.hparams.Status;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Pure builders of the summary values and plugin metadata that TensorBoard's plugins read. Value builders return
 * values without metadata; {@link SummaryWriter} attaches the matching metadata to the first value of each tag.
 */
public final class Summaries {

    /** Plugin that draws scalar series. */
    public static final String SCALARS_PLUGIN = "scalars";

    /** Plugin that draws histograms and distributions. */
    public static final String HISTOGRAMS_PLUGIN = "histograms";

    /** Plugin that renders Markdown text. */
    public static final String TEXT_PLUGIN = "text";

    /** Plugin that draws precision-recall curves. */
    public static final String PR_CURVES_PLUGIN = "pr_curves";

    /** Plugin that shows images. */
    public static final String IMAGES_PLUGIN = "images";

    /** Plugin that tabulates hyperparameters against metrics. */
    public static final String HPARAMS_PLUGIN = "hparams";

    /** The only plugin data version the hparams plugin reads. */
    public static final int HPARAMS_DATA_VERSION = 0;

    private Summaries() {}

    /**
     * Builds a scalar: a rank-0 float32 tensor, the form both of TensorBoard's readers accept.
     *
     * @param tag the tag
     * @param value the value (NaN and infinities are kept)
     * @return the summary value
     */
    public static Summary.Value scalar(String tag, double value) {
        TensorProto tensor = TensorProto.newBuilder()
                .setDtype(DataType.DT_FLOAT)
                .setTensorShape(TensorShapeProto.getDefaultInstance())
                .addFloatVal((float) value)
                .build();
        return Summary.Value.newBuilder().setTag(tag).setTensor(tensor).build();
    }

    /**
     * Returns the metadata of a scalar series.
     *
     * @return scalars plugin, scalar data class
     */
    public static SummaryMetadata scalarMetadata() {
        ByteString content = ScalarPluginData.getDefaultInstance().toByteString();
        return metadata(SCALARS_PLUGIN, content, DataClass.DATA_CLASS_SCALAR);
    }

    /**
     * Builds a histogram value.
     *
     * @param tag the tag
     * @param histogram the bucketed values
     * @return the summary value
     */
    public static Summary.Value histogram(String tag, HistogramProto histogram) {
        return Summary.Value.newBuilder().setTag(tag).setHisto(histogram).build();
    }

    /**
     * Returns the metadata of a histogram series.
     *
     * @return histograms plugin, tensor data class
     */
    public static SummaryMetadata histogramMetadata() {
        ByteString content = HistogramPluginData.getDefaultInstance().toByteString();
        return metadata(HISTOGRAMS_PLUGIN, content, DataClass.DATA_CLASS_TENSOR);
    }

    /**
     * Builds a text value: a rank-0 string tensor holding UTF-8 Markdown.
     *
     * @param tag the tag
     * @param markdown the text
     * @return the summary value
     */
    public static Summary.Value text(String tag, String markdown) {
        TensorProto tensor = TensorProto.newBuilder()
                .setDtype(DataType.DT_STRING)
                .setTensorShape(TensorShapeProto.getDefaultInstance())
                .addStringVal(ByteString.copyFrom(markdown, StandardCharsets.UTF_8))
                .build();
        return Summary.Value.newBuilder().setTag(tag).setTensor(tensor).build();
    }

    /**
     * Returns the metadata of a text series.
     *
     * @return text plugin, tensor data class
     */
    public static SummaryMetadata textMetadata() {
        return metadata(TEXT_PLUGIN, TextPluginData.getDefaultInstance().toByteString(), DataClass.DATA_CLASS_TENSOR);
    }

    /**
     * Builds a PR curve value: a float32 tensor of shape [6, numThresholds].
     *
     * @param tag the tag
     * @param curve the curve
     * @return the summary value
     */
    public static Summary.Value prCurve(String tag, PrCurve curve) {
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setDtype(DataType.DT_FLOAT)
                .setTensorShape(shape(PrCurve.ROWS, curve.numThresholds()));
        for (float v : curve.toTensorValues()) {
            tensor.addFloatVal(v);
        }
        return Summary.Value.newBuilder().setTag(tag).setTensor(tensor).build();
    }

    /**
     * Returns the metadata of a PR curve series.
     *
     * @param numThresholds the curve's number of thresholds
     * @return pr_curves plugin with the threshold count, tensor data class
     */
    public static SummaryMetadata prCurveMetadata(int numThresholds) {
        ByteString content = PrCurvePluginData.newBuilder().setNumThresholds(numThresholds).build().toByteString();
        return metadata(PR_CURVES_PLUGIN, content, DataClass.DATA_CLASS_TENSOR);
    }

    /**
     * Builds an image value in the TF 1.x layout, which TensorBoard converts on load.
     *
     * @param tag the tag
     * @param png the PNG bytes
     * @return the summary value
     * @throws IllegalArgumentException if the bytes are not a PNG image
     */
    public static Summary.Value image(String tag, byte[] png) {
        PngHeader header = PngHeader.read(png);
        Summary.Image image = Summary.Image.newBuilder()
                .setWidth(header.width())
                .setHeight(header.height())
                .setColorspace(header.colorspace())
                .setEncodedImageString(ByteString.copyFrom(png))
                .build();
        return Summary.Value.newBuilder().setTag(tag).setImage(image).build();
    }

    /**
     * Returns the metadata of an image series: the metadata TensorBoard's readers derive from a TF 1.x image
     * (they hand it to the plugin as a converted {@code [width, height, png]} blob sequence).
     *
     * @return images plugin, converted to tensor, blob sequence data class
     */
    public static SummaryMetadata imageMetadata() {
        ByteString content = ImagePluginData.newBuilder().setConvertedToTensor(true).build().toByteString();
        return metadata(IMAGES_PLUGIN, content, DataClass.DATA_CLASS_BLOB_SEQUENCE);
    }

    /**
     * Builds the hparams experiment record: the hyperparameter columns (typed from the values) and one metric
     * column per scalar tag of the run itself (group "").
     *
     * @param hyperparameters hyperparameter values by name
     * @param metricTags scalar tags to show as metrics
     * @param timeCreatedSecs creation time, seconds since the epoch
     * @return the summary value, metadata included
     */
    public static Summary.Value hparamsExperiment(
            Map<String, ?> hyperparameters, Collection<String> metricTags, double timeCreatedSecs) {
        Experiment.Builder experiment = Experiment.newBuilder().setTimeCreatedSecs(timeCreatedSecs);
        hyperparameters.forEach((name, value) -> experiment.addHparamInfos(
                HParamInfo.newBuilder().setName(name).setType(hparamType(name, value))));
        for (String tag : metricTags) {
            experiment.addMetricInfos(MetricInfo.newBuilder().setName(MetricName.newBuilder().setTag(tag)));
        }
        return hparams(Tags.HPARAMS_EXPERIMENT, HParamsPluginData.newBuilder().setExperiment(experiment));
    }

    /**
     * Builds the hparams session start record: this run's hyperparameter values.
     *
     * @param hyperparameters values by name: Boolean, Number, CharSequence, Enum or Collection (as its text)
     * @param startTimeSecs session start, seconds since the epoch
     * @return the summary value, metadata included
     * @throws IllegalArgumentException if a value is null or of another type
     */
    public static Summary.Value hparamsSessionStart(Map<String, ?> hyperparameters, double startTimeSecs) {
        SessionStartInfo.Builder start = SessionStartInfo.newBuilder().setStartTimeSecs(startTimeSecs);
        hyperparameters.forEach((name, value) -> start.putHparams(name, hparamValue(name, value)));
        return hparams(Tags.HPARAMS_SESSION_START, HParamsPluginData.newBuilder().setSessionStartInfo(start));
    }

    /**
     * Builds the hparams session end record.
     *
     * @param status how the session ended
     * @param endTimeSecs session end, seconds since the epoch
     * @return the summary value, metadata included
     */
    public static Summary.Value hparamsSessionEnd(Status status, double endTimeSecs) {
        SessionEndInfo end = SessionEndInfo.newBuilder().setStatus(status).setEndTimeSecs(endTimeSecs).build();
        return hparams(Tags.HPARAMS_SESSION_END, HParamsPluginData.newBuilder().setSessionEndInfo(end));
    }

    /**
     * Converts a hyperparameter value to the protobuf Value that the hparams plugin stores.
     *
     * @param name the hyperparameter (for the error message)
     * @param value a Boolean, Number, CharSequence, Enum or Collection (stored as its text)
     * @return the value
     * @throws IllegalArgumentException if the value is null or of another type
     */
    public static Value hparamValue(String name, Object value) {
        if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Collection<?>) {
            return Value.newBuilder().setStringValue(value.toString()).build();
        }
        throw new IllegalArgumentException("hyperparameter '" + name + "' must be a Boolean, Number, CharSequence, "
                + "Enum or Collection, got " + (value == null ? "null" : value.getClass().getName()));
    }

    private static io.hingekit.tensorboard.proto.hparams.DataType hparamType(String name, Object value) {
        return switch (hparamValue(name, value).getKindCase()) {
            case BOOL_VALUE -> io.hingekit.tensorboard.proto.hparams.DataType.DATA_TYPE_BOOL;
            case NUMBER_VALUE -> io.hingekit.tensorboard.proto.hparams.DataType.DATA_TYPE_FLOAT64;
            default -> io.hingekit.tensorboard.proto.hparams.DataType.DATA_TYPE_STRING;
        };
    }

    private static Summary.Value hparams(String tag, HParamsPluginData.Builder data) {
        ByteString content = data.setVersion(HPARAMS_DATA_VERSION).build().toByteString();
        // The hparams plugin reads only the metadata; TensorBoard's own writer pairs it with an empty float tensor.
        TensorProto empty = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(0)).build();
        return Summary.Value.newBuilder()
                .setTag(tag)
                .setMetadata(metadata(HPARAMS_PLUGIN, content, DataClass.DATA_CLASS_TENSOR))
                .setTensor(empty)
                .build();
    }

    private static SummaryMetadata metadata(String plugin, ByteString content, DataClass dataClass) {
        return SummaryMetadata.newBuilder()
                .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(plugin).setContent(content))
                .setDataClass(dataClass)
                .build();
    }

    private static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return shape.build();
    }
}
