package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.hingekit.loss.PerSampleLoss;
import java.util.Map;

/**
 * Accumulates margin health over the batches of one split and reports it as a {@link MarginReport}.
 *
 * <p>Everything is computed on the device; each batch adds a few detached per-sample arrays, and the host reads
 * them once, in {@link #report()}. Accuracy reads the primary head (prediction 0); margins and losses read the
 * hinge head ({@code hingeIndex}). Binary runs take labels {0,1} or {-1,+1} and one score per sample; the signed
 * margin is {@code y*f(x)}. Multi-class runs take class indices; the signed margin is
 * {@code s_y - max_{j!=y} s_j}.
 */
public final class MarginAccumulator implements SplitEvaluator {

    private final PerSampleLoss hinge;
    private final int hingeIndex;
    private final boolean binary;
    private final int numClasses;
    private final double tailThreshold;
    private final NDManager manager;
    private final NDList losses = new NDList();
    private final NDList margins = new NDList();
    private final NDList correct = new NDList();
    private final NDList labels = new NDList();

    /**
     * Creates an accumulator.
     *
     * @param loss the hinge loss whose per-sample values are reported
     * @param hingeIndex index of the prediction the hinge loss reads
     * @param binary whether scores are binary (one per sample)
     * @param numClasses number of classes (2 for binary)
     * @param tailThreshold per-sample loss above which a sample counts in the tail ratio
     * @param parent the manager whose device the accumulated arrays live on
     */
    public MarginAccumulator(PerSampleLoss loss, int hingeIndex, boolean binary, int numClasses,
            double tailThreshold, NDManager parent) {
        this.hinge = loss;
        this.hingeIndex = hingeIndex;
        this.binary = binary;
        this.numClasses = numClasses;
        this.tailThreshold = tailThreshold;
        this.manager = parent.newSubManager();
    }

    @Override
    public void add(NDArray batchLabels, NDList predictions, NDArray loss) {
        NDArray perSample = hinge.perSample(new NDList(batchLabels), predictions);
        NDArray hingeScores = predictions.get(hingeIndex);
        NDArray primary = predictions.get(0);
        NDArray margin;
        NDArray right;
        if (binary) {
            NDArray y = signs(batchLabels);
            margin = hingeScores.reshape(-1).mul(y);
            right = primary.reshape(-1).mul(y).gt(0);
        } else {
            margin = multiclassMargin(hingeScores, batchLabels);
            right = primary.argMax(1).toType(DataType.INT64, false).eq(batchLabels.toType(DataType.INT64, false));
        }
        keep(losses, perSample.toType(DataType.FLOAT32, false));
        keep(margins, margin.toType(DataType.FLOAT32, false));
        keep(correct, right.toType(DataType.FLOAT32, false));
        keep(labels, binary ? signs(batchLabels).gt(0).toType(DataType.INT64, false)
                : batchLabels.toType(DataType.INT64, false));
    }

    private static NDArray signs(NDArray labels) {
        NDArray y = labels.toType(DataType.FLOAT32, false);
        // {0,1} labels map to {-1,+1}; {-1,+1} labels stay.
        return NDArrays.where(y.eq(0), y.sub(1), y);
    }

    private NDArray multiclassMargin(NDArray scores, NDArray batchLabels) {
        NDArray index = batchLabels.toType(DataType.INT64, false).reshape(-1, 1);
        NDArray trueScore = scores.gather(index, 1).reshape(-1);
        NDArray isTrue = index.oneHot(numClasses).reshape(-1, numClasses).toType(DataType.BOOLEAN, false);
        NDArray others = NDArrays.where(isTrue, scores.onesLike().mul(Float.NEGATIVE_INFINITY), scores);
        return trueScore.sub(others.max(new int[] {1}));
    }

    private void keep(NDList list, NDArray array) {
        NDArray copy = array.duplicate();
        copy.attach(manager);
        list.add(copy);
    }

    /**
     * Computes the report over every batch added so far (one host read).
     *
     * @return the margin health of the split
     */
    public MarginReport report() {
        if (losses.isEmpty()) {
            throw new IllegalStateException("no batch was added");
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray loss = NDArrays.concat(losses);
            NDArray margin = NDArrays.concat(margins);
            NDArray label = NDArrays.concat(labels);
            loss.attach(scratch);
            margin.attach(scratch);
            label.attach(scratch);
            int classes = binary ? 2 : numClasses;
            NDArray oneHot = label.oneHot(classes).toType(DataType.FLOAT32, false);
            NDArray perClass = oneHot.transpose().matMul(loss.reshape(-1, 1)).reshape(-1)
                    .div(oneHot.sum(new int[] {0}));
            NDArray summary = NDArrays.stack(new NDList(
                    loss.mean(), NDArrays.concat(correct).mean(), loss.gt(0).toType(DataType.FLOAT32, false).mean(),
                    loss.gt(tailThreshold).toType(DataType.FLOAT32, false).mean()));
            float[] s = summary.toFloatArray();
            return new MarginReport(loss.size(), s[0], s[1], s[2], tailThreshold, s[3],
                    perClass.toFloatArray(), margin.toFloatArray(), loss.toFloatArray());
        }
    }

    @Override
    public SplitResult finish() {
        MarginReport report = report();
        return new SplitResult(report.meanLoss(), report, Map.of(), Map.of());
    }

    @Override
    public void close() {
        manager.close();
    }
}
