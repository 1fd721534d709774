package io.hingekit.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the primary head's scores and the labels of the validation split on the host, for the per-class PR
 * curves at the end of a run. Binary scores {@code s} become two columns {@code (-s, s)}, one per class.
 */
public final class ValidationScores {

    private final boolean binary;
    private final List<float[]> rows = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    public ValidationScores(boolean binary) {
        this.binary = binary;
    }

    public void add(NDArray batchLabels, NDList predictions) {
        NDArray scores = predictions.get(0);
        int n = Math.toIntExact(batchLabels.size());
        int columns = binary ? 1 : Math.toIntExact(scores.getShape().get(1));
        float[] flat = scores.toType(DataType.FLOAT32, false).toFloatArray();
        float[] y = batchLabels.toType(DataType.FLOAT32, false).toFloatArray();
        for (int i = 0; i < n; i++) {
            rows.add(binary ? new float[] {-flat[i], flat[i]} : java.util.Arrays.copyOfRange(flat, i * columns,
                    (i + 1) * columns));
            labels.add(binary ? (y[i] > 0 ? 1 : 0) : (int) y[i]);
        }
    }

    public int[] labels() {
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    public float[][] scores() {
        return rows.toArray(new float[0][]);
    }
}
