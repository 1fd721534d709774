package io.hingekit.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.loss.MulticlassHingeLoss;
import org.junit.jupiter.api.Test;

/** The report's confusion matrix, per-class rates, quantiles and support vectors, against hand computation. */
class MarginReportTest {

    @Test
    void quantilesFollowNumpysLinearRule() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // np.quantile([4, 1, 3, 2], [0.5, 0.95, 0.99]) = [2.5, 3.85, 3.97]
            assertArrayEquals(new double[] {2.5, 3.85, 3.97},
                    Quantiles.of(manager.create(new float[] {4, 1, 3, 2}), new double[] {0.5, 0.95, 0.99}), 1e-6);
            assertArrayEquals(new double[] {7, 7},
                    Quantiles.of(manager.create(new float[] {7}), new double[] {0.5, 0.99}), 0);
        }
    }

    @Test
    void confusionPerClassRatesAndSupportVectorsByHand() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Crammer-Singer, margin 1: loss = max(0, 1 - (s_y - max_{j!=y} s_j))
            float[] scores = {
                3, 0, 0, // y=0, margin 3, loss 0, predicted 0
                0.5f, 0, 0, // y=0, margin 0.5, loss 0.5, predicted 0
                2, 1, 0, // y=1, margin -1, loss 2, predicted 0
                0, 0, 1, // y=2, margin 1, loss 0, predicted 2 (on the margin: a support vector)
            };
            MulticlassHingeLoss loss = MulticlassHingeLoss.builder().variant(MulticlassHingeLoss.Variant.CRAMMER_SINGER)
                    .build();
            try (MarginAccumulator accumulator = new MarginAccumulator(loss, 0, false, 3, 1.0, 1.0, manager)) {
                accumulator.add(manager.create(new float[] {0, 0, 1, 2}),
                        new NDList(manager.create(scores, new Shape(4, 3))), null);
                MarginReport r = accumulator.report();
                assertEquals(4, r.count());
                assertEquals(2.5 / 4, r.meanLoss(), 1e-6);
                assertEquals(0.5, r.violationRate(), 1e-6);
                assertEquals(0.75, r.accuracy(), 1e-6);
                assertEquals(0.25, r.tailRatio(), 1e-6);
                assertEquals(3, r.supportVectors(), "margins 0.5, -1 and 1 are at most 1");
                assertArrayEquals(new long[] {2, 1, 1}, r.classCounts());
                assertArrayEquals(new float[] {0.5f, 1f, 0f}, r.perClassViolationRate(), 1e-6f);
                assertArrayEquals(new long[][] {{2, 0, 0}, {1, 0, 0}, {0, 0, 1}}, r.confusion());
                // losses sorted (0, 0, 0.5, 2): P50 = 0.25; margins sorted (-1, 0.5, 1, 3): P50 = 0.75
                assertEquals(0.25, r.lossQuantiles()[0], 1e-6);
                assertEquals(0.75, r.marginQuantiles()[0], 1e-6);
                assertEquals(3 - 0.03 * 2, r.marginQuantiles()[2], 1e-5, "P99: 1 + 0.97 * (3 - 1)");
            }
        }
    }
}
