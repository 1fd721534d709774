package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Map;

/**
 * Averages the losses of a split's batches as the optimizer saw them, on the device, reading it once at the end: the
 * training-split figure of an embedding run, whose retrieval metrics need an evaluation pass.
 */
public final class BatchLossMean implements SplitEvaluator {

    private final NDManager manager;
    private NDArray sum;
    private long batches;

    /**
     * Creates the accumulator.
     *
     * @param parent the manager whose device the running sum lives on
     */
    public BatchLossMean(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    @Override
    public void add(NDArray labels, NDList predictions, NDArray loss) {
        NDArray value = loss.toType(DataType.FLOAT32, false);
        if (sum == null) {
            sum = value.duplicate();
            sum.attach(manager);
        } else {
            sum.addi(value);
        }
        batches++;
    }

    @Override
    public SplitResult finish() {
        if (sum == null) {
            throw new IllegalStateException("no batch was added");
        }
        return new SplitResult(sum.getFloat() / batches, null, Map.of(), Map.of());
    }

    @Override
    public void close() {
        manager.close();
    }
}
