package io.hingekit.mining;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;

/** Shared test inputs: the Python reference file, random batches, and loss-plus-gradient evaluation. */
final class Fixtures {

    private Fixtures() {}

    /** Loss value and gradient w.r.t. the embeddings, from one recorded evaluate and backward pass. */
    record LossAndGradient(double loss, double[] gradient) {}

    static JsonNode referenceValues() {
        try (InputStream in = Fixtures.class.getResourceAsStream("reference_values.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode referenceCase(JsonNode root, String name) {
        for (JsonNode node : root.get("cases")) {
            if (node.get("name").asText().equals(name)) {
                return node;
            }
        }
        throw new IllegalArgumentException("no reference case " + name);
    }

    static double[][] matrix(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[node.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = node.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    static double[] vector(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    static long[] longs(JsonNode node) {
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asLong();
        }
        return out;
    }

    static double[][] gaussian(long seed, int rows, int columns, double scale) {
        Random random = new Random(seed);
        double[][] out = new double[rows][columns];
        for (double[] row : out) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian() * scale;
            }
        }
        return out;
    }

    static long[] randomLabels(long seed, int count, int classes) {
        Random random = new Random(seed);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextInt(classes);
        }
        return out;
    }

    /** Euclidean distances by direct differences, in double. */
    static double[][] euclidean(double[][] x) {
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double sum = 0;
                for (int k = 0; k < x[i].length; k++) {
                    double diff = x[i][k] - x[j][k];
                    sum += diff * diff;
                }
                d[i][j] = Math.sqrt(sum);
            }
        }
        return d;
    }

    static LossAndGradient lossAndGradient(Loss loss, NDArray embeddings, NDArray labels) {
        NDArray x = embeddings.duplicate();
        x.setRequiresGradient(true);
        double value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray result = loss.evaluate(new NDList(labels), new NDList(x));
            value = result.toType(DataType.FLOAT64, false).getDouble();
            collector.backward(result);
        }
        double[] gradient = x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        x.close();
        return new LossAndGradient(value, gradient);
    }

    static double[] flatten(double[][] x) {
        return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
    }
}
