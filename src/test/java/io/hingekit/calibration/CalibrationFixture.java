package io.hingekit.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference values of {@code src/test/python/calibration_reference_values.py}: scikit-learn 1.2's
 * {@code CalibratedClassifierCV(method='sigmoid', cv='prefit')}, a plain-Python Lin-Lin-Weng fit and metrics by
 * plain loops, on frozen scores.
 */
final class CalibrationFixture {

    static final JsonNode ROOT = load();

    private CalibrationFixture() {}

    /** One case: frozen scores split into a validation part (fitted on) and a test part (probabilities of). */
    record Case(String name, int classes, int scoreColumns, double[][] valScores, int[] valLabels,
            double[][] testScores, int[] testLabels, boolean sklearnBroken, Reference sklearn, Reference llw) {}

    /** One reference's sigmoids, Platt objective per sigmoid, test probabilities and their metrics. */
    record Reference(List<double[]> sigmoids, double[] plattObjective, double[][] probabilities, JsonNode metrics) {}

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (JsonNode c : ROOT.get("cases")) {
            out.add(new Case(c.get("name").asText(), c.get("classes").asInt(), c.get("score_columns").asInt(),
                    matrix(c.get("val_scores")), ints(c.get("val_labels")), matrix(c.get("test_scores")),
                    ints(c.get("test_labels")), c.get("sklearn_broken").asBoolean(), reference(c.get("sklearn")),
                    reference(c.get("llw"))));
        }
        return out;
    }

    static Case named(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture case " + name));
    }

    static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i));
        }
        return out;
    }

    static double[] doubles(JsonNode values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).isNull() ? Double.NaN : values.get(i).asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asInt();
        }
        return out;
    }

    private static Reference reference(JsonNode node) {
        List<double[]> sigmoids = new ArrayList<>();
        for (JsonNode s : node.get("sigmoids")) {
            sigmoids.add(doubles(s));
        }
        return new Reference(sigmoids, doubles(node.get("platt_objective")), matrix(node.get("probabilities")),
                node.get("metrics"));
    }

    private static JsonNode load() {
        try (InputStream in = CalibrationFixture.class.getResourceAsStream("calibration_reference.json")) {
            if (in == null) {
                throw new IllegalStateException("calibration_reference.json is missing: run "
                        + "src/test/python/calibration_reference_values.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
