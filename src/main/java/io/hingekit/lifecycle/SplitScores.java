package io.hingekit.lifecycle;

import io.hingekit.task.ClassifierTask;
import java.util.List;

/**
 * A split's hinge scores and margin rows on the host: what calibration fits on and drift compares.
 *
 * @param scores hinge-head scores, [sample][output]
 * @param labels labels, one per sample
 * @param predicted predicted classes
 * @param margins signed margins
 * @param gaps label-free gaps
 */
record SplitScores(double[][] scores, int[] labels, int[] predicted, double[] margins, double[] gaps) {

    /** Assembles the batches' flat arrays (scores {@code n x outputs}, margin rows {@code n x 4}). */
    static SplitScores of(List<float[]> scoreBatches, List<float[]> marginBatches, int outputs) {
        int n = marginBatches.stream().mapToInt(b -> b.length / ClassifierTask.MARGIN_COLUMNS).sum();
        double[][] scores = new double[n][outputs];
        int[] labels = new int[n];
        int[] predicted = new int[n];
        double[] margins = new double[n];
        double[] gaps = new double[n];
        int row = 0;
        for (int b = 0; b < marginBatches.size(); b++) {
            float[] s = scoreBatches.get(b);
            float[] m = marginBatches.get(b);
            for (int i = 0; i < m.length / ClassifierTask.MARGIN_COLUMNS; i++, row++) {
                for (int k = 0; k < outputs; k++) {
                    scores[row][k] = s[i * outputs + k];
                }
                int at = i * ClassifierTask.MARGIN_COLUMNS;
                labels[row] = (int) m[at];
                predicted[row] = (int) m[at + 1];
                margins[row] = m[at + 2];
                gaps[row] = m[at + 3];
            }
        }
        return new SplitScores(scores, labels, predicted, margins, gaps);
    }
}
