package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hingekit.Expect;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrCurveTest {

    /**
     * Five samples, five thresholds (0, .25, .5, .75, 1). Buckets floor(p * 4): positives 0.9 -> 3, 0.3 -> 1,
     * 0.55 -> 2; negatives 0.8 -> 3, 0.1 -> 0. At threshold i the predicted positives are the buckets >= i.
     */
    @Test
    void handWorkedExample() {
        boolean[] labels = {true, false, true, true, false};
        float[] predictions = {0.9f, 0.8f, 0.3f, 0.55f, 0.1f};
        PrCurve curve = PrCurve.compute(labels, predictions, 5);
        assertArrayEquals(new float[] {3, 3, 2, 1, 0}, curve.truePositives());
        assertArrayEquals(new float[] {2, 1, 1, 1, 0}, curve.falsePositives());
        assertArrayEquals(new float[] {0, 1, 1, 1, 2}, curve.trueNegatives());
        assertArrayEquals(new float[] {0, 0, 1, 2, 3}, curve.falseNegatives());
        assertArrayEquals(new float[] {0.6f, 0.75f, 2f / 3, 0.5f, 0f}, curve.precision(), 1e-6f);
        assertArrayEquals(new float[] {1f, 1f, 2f / 3, 1f / 3, 0f}, curve.recall(), 1e-6f);
        float[] tensor = curve.toTensorValues();
        assertEquals(30, tensor.length);
        assertEquals(2f, tensor[5], "row 1 (FP) starts at index 5");
        assertEquals(3f, tensor[19], "row 3 (FN) ends at index 19");
    }

    @Test
    void countsMatchADirectCountPerThreshold() {
        Random random = new Random(5);
        int n = 2000;
        int thresholds = PrCurve.DEFAULT_NUM_THRESHOLDS;
        boolean[] labels = new boolean[n];
        float[] predictions = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.3;
            predictions[i] = i % 50 == 0 ? 1f : random.nextFloat();
        }
        PrCurve curve = PrCurve.compute(labels, predictions, thresholds);
        for (int t = 0; t < thresholds; t++) {
            int tp = 0;
            int fp = 0;
            int tn = 0;
            int fn = 0;
            for (int i = 0; i < n; i++) {
                boolean predictedPositive = (int) Math.floor(predictions[i] * (float) (thresholds - 1)) >= t;
                if (predictedPositive) {
                    if (labels[i]) {
                        tp++;
                    } else {
                        fp++;
                    }
                } else if (labels[i]) {
                    fn++;
                } else {
                    tn++;
                }
            }
            assertEquals(tp, curve.truePositives()[t]);
            assertEquals(fp, curve.falsePositives()[t]);
            assertEquals(tn, curve.trueNegatives()[t]);
            assertEquals(fn, curve.falseNegatives()[t]);
            assertEquals(tp + fp == 0 ? 0 : tp / (double) (tp + fp), curve.precision()[t], 1e-6);
            assertEquals(tp / (double) (tp + fn), curve.recall()[t], 1e-6);
        }
    }

    @Test
    void badInputIsRejectedWithItsValue() {
        Expect.rejects(IllegalArgumentException.class,
                () -> PrCurve.compute(new boolean[] {true}, new float[] {1.5f}, 5), "1.5");
        assertThrows(IllegalArgumentException.class,
                () -> PrCurve.compute(new boolean[] {true}, new float[] {Float.NaN}, 5));
        Expect.rejects(IllegalArgumentException.class,
                () -> PrCurve.compute(new boolean[2], new float[3], 5), "2", "3");
        Expect.rejects(IllegalArgumentException.class,
                () -> PrCurve.compute(new boolean[1], new float[1], 1), "numThresholds");
    }
}
