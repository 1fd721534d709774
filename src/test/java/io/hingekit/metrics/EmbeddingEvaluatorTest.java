package io.hingekit.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import io.hingekit.mining.BatchAllMiner;
import io.hingekit.mining.ContrastiveHingeLoss;
import io.hingekit.mining.EuclideanDistance;
import io.hingekit.mining.TripletHingeLoss;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Expected values worked out by hand on four points of a line: 0, 1 (class 0) and 3, 6 (class 1). */
@ExtendWith(NDManagerExtension.class)
class EmbeddingEvaluatorTest {

    private static final float MARGIN = 2.5f;

    @Test
    void evaluationAveragesTheHingeOverEveryMinedTripletAndMeasuresRetrieval(NDManager manager) {
        TripletHingeLoss loss = TripletHingeLoss.builder().margin(MARGIN).distance(new EuclideanDistance())
                .miner(BatchAllMiner.all()).build();
        try (EmbeddingEvaluator evaluator = new EmbeddingEvaluator(loss, manager)) {
            evaluator.add(manager.create(new float[] {0, 0, 1, 1}),
                    new NDList(manager.create(new float[] {0, 1, 3, 6}, new Shape(4, 1))), null);
            SplitResult result = evaluator.finish();
            // Triplets (a,p,n), hinge max(0, d(a,p) - d(a,n) + 2.5):
            // a=0,p=1: n=3 -> 0.5, n=6 -> 0;   a=1,p=0: n=3 -> 1.5, n=6 -> 0
            // a=3,p=6: n=0 -> 2.5, n=1 -> 3.5; a=6,p=3: n=0 -> 0,   n=1 -> 0.5
            assertEquals((0.5 + 1.5 + 2.5 + 3.5 + 0.5) / 8, result.loss(), 1e-6);
            // Nearest neighbours: 0->1 (same), 1->0 (same), 3->1 (other: 2 < 3), 6->3 (same).
            assertEquals(0.75, result.scalars().get("precision_at_1"), 1e-9);
            assertNull(result.margins());
            // Gaps d(a,n) - d(a,p) of the same eight triplets, in any order.
            float[] gaps = result.distributions().get("triplet_gap");
            Arrays.sort(gaps);
            assertArrayEquals(new float[] {-1, 0, 1, 2, 2, 3, 4, 5}, gaps, 1e-5f);
        }
    }

    @Test
    void aPairLossKeepsItsPositiveAndNegativeDistances(NDManager manager) {
        ContrastiveHingeLoss loss = ContrastiveHingeLoss.builder().margin(MARGIN).build();
        try (EmbeddingEvaluator evaluator = new EmbeddingEvaluator(loss, manager)) {
            evaluator.add(manager.create(new float[] {0, 0, 1, 1}),
                    new NDList(manager.create(new float[] {0, 1, 3, 6}, new Shape(4, 1))), null);
            SplitResult result = evaluator.finish();
            // Ordered pairs: positives (0,1), (3,6) twice each at 1 and 3; negatives 0-3, 0-6, 1-3, 1-6 twice each
            // at 3, 6, 2, 5, hinges max(0, 2.5 - d) = 0, 0, 0.5, 0. Twelve terms: 1 + 3 + 0.5, each twice.
            assertEquals(2 * (1 + 3 + 0.5) / 12, result.loss(), 1e-6);
            float[] positive = result.distributions().get("positive_distance");
            float[] negative = result.distributions().get("negative_distance");
            Arrays.sort(positive);
            Arrays.sort(negative);
            assertArrayEquals(new float[] {1, 1, 3, 3}, positive, 1e-5f);
            assertArrayEquals(new float[] {2, 2, 3, 3, 5, 5, 6, 6}, negative, 1e-5f);
        }
    }

    @Test
    void batchLossMeanAveragesTheStepLosses(NDManager manager) {
        try (BatchLossMean evaluator = new BatchLossMean(manager)) {
            evaluator.add(null, null, manager.create(0.5f));
            evaluator.add(null, null, manager.create(0.25f));
            assertEquals(0.375, evaluator.finish().loss(), 1e-7);
        }
    }
}
