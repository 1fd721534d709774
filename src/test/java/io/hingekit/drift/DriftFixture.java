package io.hingekit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The SciPy reference values written by {@code src/test/python/drift_reference_values.py}, read once.
 *
 * <p>A sample is either a JSON array of doubles or a grid {@code {"grid": n, "offset": o, "scale": s}}, meaning
 * {@code o + s * ((j + 0.5) / n)} for j = 0..n-1, which the script evaluates with the same operations.
 */
final class DriftFixture {

    private static JsonNode root;

    private DriftFixture() {}

    static synchronized JsonNode root() {
        if (root == null) {
            JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
            try (InputStream in = DriftFixture.class.getResourceAsStream("drift_reference.json")) {
                root = mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static JsonNode section(String name) {
        JsonNode node = root().get(name);
        assertTrue(node != null && node.isArray() && node.size() > 0, "fixture section " + name);
        return node;
    }

    static double[] sample(JsonNode node) {
        if (node.isObject()) {
            int n = node.get("grid").asInt();
            double offset = node.get("offset").asDouble();
            double scale = node.get("scale").asDouble();
            double[] values = new double[n];
            for (int j = 0; j < n; j++) {
                values[j] = offset + scale * ((j + 0.5) / n);
            }
            return values;
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }

    /** Absolute agreement, plus relative agreement where the expected value is small but not zero. */
    static void assertProbability(double expected, double actual, double absolute, double relative, String what) {
        assertEquals(expected, actual, absolute, what);
        if (expected == 0.0) {
            assertEquals(0.0, actual, 0.0, what + " (SciPy gives exactly 0)");
        } else if (expected < 1e-3) {
            assertEquals(expected, actual, relative * expected, what + " (relative)");
        }
    }

    static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
