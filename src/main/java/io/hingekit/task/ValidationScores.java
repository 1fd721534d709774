package io.hingekit.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects, on the host, what the end of a classifier run keeps of the validation split: the primary head's scores
 * and the labels for the per-class PR curves (binary scores {@code s} become two columns {@code (-s, s)}), and the
 * margin rows ({@link ClassifierTask#marginRows}) that become the model's drift reference.
 */
public final class ValidationScores {

    private final ClassifierTask task;
    private final List<float[]> rows = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final List<float[]> margins = new ArrayList<>();

    /**
     * Creates an empty collector.
     *
     * @param task the classifier whose heads and margins are read
     */
    public ValidationScores(ClassifierTask task) {
        this.task = task;
    }

    /**
     * Adds one batch.
     *
     * @param batchLabels the labels (N)
     * @param predictions the model's outputs
     */
    public void add(NDArray batchLabels, NDList predictions) {
        NDArray scores = task.primaryScores(predictions);
        boolean binary = task.binary();
        int n = Math.toIntExact(batchLabels.size());
        int columns = binary ? 1 : Math.toIntExact(scores.getShape().get(1));
        float[] flat = scores.toType(DataType.FLOAT32, false).toFloatArray();
        float[] margin = task.marginRows(batchLabels, predictions).toFloatArray();
        int width = ClassifierTask.MARGIN_COLUMNS;
        for (int i = 0; i < n; i++) {
            rows.add(binary ? new float[] {-flat[i], flat[i]} : Arrays.copyOfRange(flat, i * columns,
                    (i + 1) * columns));
            labels.add((int) margin[i * width]);
            margins.add(Arrays.copyOfRange(margin, i * width, (i + 1) * width));
        }
    }

    /** Returns the labels, one per sample. */
    public int[] labels() {
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Returns the primary head's scores, [sample][class]. */
    public float[][] scores() {
        return rows.toArray(new float[0][]);
    }

    /** Returns the margin rows, [sample][label, predicted, signed margin, gap]. */
    public float[][] margins() {
        return margins.toArray(new float[0][]);
    }
}
