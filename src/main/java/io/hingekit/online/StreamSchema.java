package io.hingekit.online;

import io.hingekit.config.DataSource;
import io.hingekit.config.OnlineConfig;
import io.hingekit.config.RunConfig;
import io.hingekit.data.FashionMnistSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every record of a stream must look like: its number of features and its classes, from the {@code online}
 * section or, where it leaves them out, the {@code data} section (Fashion-MNIST: 784 features, its 10 classes;
 * blobs: its feature count). A label is a class name or a class index.
 *
 */
public final class StreamSchema {

    private static final long[] FASHION_SHAPE = {1, 28, 28};

    private final List<String> classNames;
    private final int features;
    private final String labelColumn;
    private final long[] sampleShape;
    private final Map<String, Integer> classIndex = new HashMap<>();

    /**
     * Creates a schema.
     *
     * @param classNames the class names, index = label
     * @param features the number of features
     * @param labelColumn the CSV column or JSON key of the label
     * @param sampleShape the shape of one sample as the model directory records it (1 x 28 x 28 for Fashion-MNIST,
     *     as {@code train} writes it, so that {@code score} and {@code report} read the images as usual)
     */
    public StreamSchema(List<String> classNames, int features, String labelColumn, long[] sampleShape) {
        this.classNames = List.copyOf(classNames);
        this.features = features;
        this.labelColumn = labelColumn;
        this.sampleShape = sampleShape.clone();
        for (int c = 0; c < classNames.size(); c++) {
            classIndex.putIfAbsent(classNames.get(c), c);
        }
    }

    /** Returns the class names, index = label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Returns the number of features. */
    public int features() {
        return features;
    }

    /** Returns the CSV column or JSON key of the label. */
    public String labelColumn() {
        return labelColumn;
    }

    /** Returns the shape of one sample as the model directory records it. */
    public long[] sampleShape() {
        return sampleShape.clone();
    }

    /**
     * Reads the schema of an online config.
     *
     * @param config the config (with an {@code online} section)
     * @return the schema
     * @throws IllegalArgumentException when the classes or the feature count are unknown
     */
    public static StreamSchema of(RunConfig config) {
        OnlineConfig online = config.online();
        DataSource source = config.data().source();
        List<String> classes = online.classes();
        Integer features = online.features();
        if (source == DataSource.FASHION_MNIST) {
            classes = classes == null ? FashionMnistSource.CLASS_NAMES : classes;
            features = features == null ? (int) (FASHION_SHAPE[0] * FASHION_SHAPE[1] * FASHION_SHAPE[2]) : features;
        } else if (source == DataSource.BLOBS) {
            features = features == null ? config.data().blobs().features() : features;
        }
        if (classes == null) {
            throw new IllegalArgumentException("online.classes must be set for data.source " + source.word()
                    + " (the class names, index = label), got null");
        }
        if (features == null) {
            throw new IllegalArgumentException("online.features must be set for data.source " + source.word()
                    + ", got null");
        }
        String label = online.labelColumn() != null ? online.labelColumn()
                : config.data().csv() != null ? config.data().csv().labelColumn() : OnlineConfig.DEFAULT_LABEL_COLUMN;
        boolean images = source == DataSource.FASHION_MNIST && features == 28 * 28;
        return new StreamSchema(classes, features, label, images ? FASHION_SHAPE : new long[] {features});
    }

    /**
     * Returns the class index of a record's label: a class name, else an integer index.
     *
     * @param record the record
     * @return the class index
     * @throws IllegalArgumentException naming the record's position and the classes when the label is unknown
     */
    public int label(StreamRecord record) {
        if (record.label() == null) {
            throw new IllegalArgumentException(record.where() + ": no label ('" + labelColumn + "')");
        }
        Integer index = classIndex.get(record.label());
        if (index != null) {
            return index;
        }
        try {
            int parsed = Integer.parseInt(record.label().trim());
            if (parsed >= 0 && parsed < classNames.size()) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // not an index either: reported below
        }
        throw new IllegalArgumentException(record.where() + ": unknown label '" + record.label() + "' (the classes: "
                + String.join(", ", classNames) + "; or an index 0-" + (classNames.size() - 1) + ")");
    }

    /**
     * Checks a record's number of features.
     *
     * @param record the record
     * @return its features
     * @throws IllegalArgumentException naming the record's position when the count is wrong
     */
    public float[] features(StreamRecord record) {
        if (record.features().length != features) {
            throw new IllegalArgumentException(record.where() + ": " + record.features().length
                    + " features, the stream has " + features + " (online.features)");
        }
        return record.features();
    }
}
