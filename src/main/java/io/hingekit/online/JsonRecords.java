package io.hingekit.online;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses one JSON record, {@code {"features": [0.1, 0.2, ...], "label": 3}}: the features as an array of numbers,
 * the label (a class index or name) under the schema's label key; other keys are ignored. The form of a line of
 * a JSON-lines file and of a Kafka record's value.
 */
final class JsonRecords {

    /** The key of the feature array. */
    static final String FEATURES = "features";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRecords() {}

    /**
     * Parses a record.
     *
     * @param text the JSON text
     * @param partition the partition
     * @param offset the offset or line number
     * @param where the position in words
     * @param labelKey the key of the label
     * @return the record
     * @throws IllegalArgumentException naming the position when the text is not such a record
     */
    static StreamRecord parse(String text, int partition, long offset, String where, String labelKey) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object {\"" + FEATURES + "\": [...], \""
                    + labelKey + "\": ...}");
        }
        JsonNode values = node.get(FEATURES);
        if (values == null || !values.isArray()) {
            throw new IllegalArgumentException(where + ": '" + FEATURES + "' must be an array of numbers");
        }
        float[] features = new float[values.size()];
        for (int j = 0; j < features.length; j++) {
            JsonNode value = values.get(j);
            features[j] = value.isNumber() ? value.floatValue() : Float.NaN;
            if (!Float.isFinite(features[j])) {
                throw new IllegalArgumentException(where + ": feature " + j + " is not a finite number: " + value);
            }
        }
        JsonNode label = node.get(labelKey);
        boolean scalar = label != null && (label.isTextual() || label.isIntegralNumber());
        return new StreamRecord(partition, offset, features, scalar ? label.asText() : null, where);
    }
}
