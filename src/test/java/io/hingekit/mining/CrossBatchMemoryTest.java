package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class CrossBatchMemoryTest {

    @TestManager
    private static NDManager manager;

    /** A batch of rows {value, -value} with the given labels. */
    private static NDList batch(double[] values, long[] labels) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i], -values[i]};
        }
        return new NDList(manager.create(rows), manager.create(labels));
    }

    private static void enqueue(CrossBatchMemory memory, NDList batch) {
        memory.enqueue(batch.get(0), batch.get(1));
    }

    @Test
    void ringBufferHoldsBackTheLatestBatchAndOverwritesTheOldest() {
        try (CrossBatchMemory memory = new CrossBatchMemory(5)) {
            enqueue(memory, batch(new double[] {1, 2, 3}, new long[] {10, 20, 30}));
            assertEquals(0, memory.size(), "the latest batch is held back");
            enqueue(memory, batch(new double[] {4, 5, 6}, new long[] {40, 50, 60}));
            assertEquals(3, memory.size());
            enqueue(memory, batch(new double[] {7, 8}, new long[] {70, 80}));
            assertEquals(5, memory.size());
            NDList current = batch(new double[] {9}, new long[] {90});
            NDList references = memory.withBank(current.get(0), current.get(1));
            // slots: 4,5 went to positions 3,4; 6 wrapped to position 0 over 1
            assertArrayEquals(new double[] {9, -9, 6, -6, 2, -2, 3, -3, 4, -4, 5, -5},
                    references.get(0).toDoubleArray());
            assertArrayEquals(new long[] {90, 60, 20, 30, 40, 50}, references.get(1).toLongArray());
        }
    }

    @Test
    void batchLargerThanTheBankKeepsItsLastRows() {
        try (CrossBatchMemory memory = new CrossBatchMemory(2)) {
            enqueue(memory, batch(new double[] {1, 2, 3}, new long[] {1, 2, 3}));
            enqueue(memory, batch(new double[] {4}, new long[] {4}));
            NDList current = batch(new double[] {0}, new long[] {0});
            NDList references = memory.withBank(current.get(0), current.get(1));
            assertArrayEquals(new long[] {0, 2, 3}, references.get(1).toLongArray());
        }
    }

    @Test
    void lossMinesTheBatchAgainstBatchPlusBank() {
        double[][] previous = Fixtures.gaussian(1, 6, 3, 0.7);
        long[] previousLabels = {0, 1, 2, 3, 3, 4};
        double[][] current = Fixtures.gaussian(2, 4, 3, 0.7);
        long[] currentLabels = {0, 1, 1, 4};
        try (CrossBatchMemory memory = new CrossBatchMemory(10)) {
            TripletHingeLoss loss = TripletHingeLoss.builder()
                    .margin(0.3f).miner(new BatchHardMiner()).reduction(Reductions.MEAN).memory(memory).build();
            Fixtures.lossAndGradient(loss, manager.create(previous), manager.create(previousLabels));
            Fixtures.lossAndGradient(loss, manager.create(current), manager.create(new long[] {9, 9, 9, 9}));
            assertEquals(6, memory.size(), "the first batch joined the bank when the second was enqueued");

            double[][] all = new double[10][];
            System.arraycopy(current, 0, all, 0, 4);
            System.arraycopy(previous, 0, all, 4, 6);
            long[] referenceLabels = {0, 1, 1, 4, 0, 1, 2, 3, 3, 4};
            double[][] d = Fixtures.euclidean(all);
            double expected = 0;
            List<long[]> triplets = new SlowMining(d, currentLabels, referenceLabels, false).batchHard();
            for (long[] t : triplets) {
                expected += Math.max(0, d[(int) t[0]][(int) t[1]] - d[(int) t[0]][(int) t[2]] + 0.3f);
            }
            expected /= triplets.size();
            NDList labels = new NDList(manager.create(currentLabels));
            NDList embeddings = new NDList(manager.create(current));
            assertEquals(expected, loss.evaluate(labels, embeddings).getDouble(), 1e-9);
            assertEquals(expected, loss.perSample(labels, embeddings).mean().getDouble(), 1e-9);
            assertEquals(6, memory.size(), "evaluating without gradient recording does not enqueue");
        }
    }

    @Test
    void gradientFlowsOnlyIntoTheBatch() {
        try (CrossBatchMemory memory = new CrossBatchMemory(8)) {
            TripletHingeLoss loss = TripletHingeLoss.builder().margin(1f).memory(memory).build();
            double[][] first = Fixtures.gaussian(3, 5, 2, 1);
            long[] firstLabels = {0, 1, 2, 0, 1};
            double[][] second = Fixtures.gaussian(4, 5, 2, 1);
            long[] secondLabels = {2, 2, 2, 2, 2};
            Fixtures.lossAndGradient(loss, manager.create(first), manager.create(firstLabels));
            Fixtures.lossAndGradient(loss, manager.create(second), manager.create(secondLabels));
            double[][] x = Fixtures.gaussian(5, 3, 2, 1);
            NDArray labels = manager.create(new long[] {0, 1, 1});
            double[] analytic = Fixtures.lossAndGradient(loss, manager.create(x), labels).gradient();
            memory.clear();
            assertEquals(0, memory.size());
            // that training call enqueued x, changing the bank; rebuild the bank it saw (first batch in the bank,
            // second held back) and take finite differences without gradient recording, which leaves it fixed
            try (CrossBatchMemory fixed = new CrossBatchMemory(8)) {
                fixed.enqueue(manager.create(first), manager.create(firstLabels));
                fixed.enqueue(manager.create(second), manager.create(secondLabels));
                TripletHingeLoss probe = TripletHingeLoss.builder().margin(1f).memory(fixed).build();
                double h = 1e-6;
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < x[i].length; j++) {
                        double saved = x[i][j];
                        x[i][j] = saved + h;
                        double up = probe.evaluate(new NDList(labels), new NDList(manager.create(x))).getDouble();
                        x[i][j] = saved - h;
                        double down = probe.evaluate(new NDList(labels), new NDList(manager.create(x))).getDouble();
                        x[i][j] = saved;
                        assertEquals((up - down) / (2 * h), analytic[i * 2 + j], 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void float32BankServesFloat64Batches() {
        try (CrossBatchMemory memory = new CrossBatchMemory(4)) {
            NDList first = batch(new double[] {1, 2}, new long[] {1, 2});
            memory.enqueue(first.get(0).toType(DataType.FLOAT32, false), first.get(1));
            memory.enqueue(first.get(0).toType(DataType.FLOAT32, false), first.get(1));
            NDList references =
                    memory.withBank(manager.create(new double[][] {{0, 0}}), manager.create(new long[] {0}));
            assertEquals(DataType.FLOAT64, references.get(0).getDataType());
            assertEquals(3, references.get(0).getShape().get(0));
        }
    }

    @Test
    void mismatchedDimensionIsRejected() {
        try (CrossBatchMemory memory = new CrossBatchMemory(4)) {
            memory.enqueue(manager.ones(new Shape(2, 3)), manager.create(new long[] {0, 1}));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> memory.enqueue(manager.ones(new Shape(2, 4)), manager.create(new long[] {0, 1})));
            assertEquals("embedding dimension 4 does not match the memory's 3", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new CrossBatchMemory(0));
    }
}
