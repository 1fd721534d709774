package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.hingekit.loss.PerSampleLoss;
import java.util.Arrays;
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
    private final ScoreHead head;
    private final boolean binary;
    private final int numClasses;
    private final double tailThreshold;
    private final double margin;
    private final NDManager manager;
    private final NDList losses = new NDList();
    private final NDList margins = new NDList();
    private final NDList correct = new NDList();
    private final NDList labels = new NDList();
    private final NDList predicted = new NDList();

    /**
     * Creates an accumulator.
     *
     * @param loss the hinge loss whose per-sample values are reported
     * @param hingeIndex index of the prediction the hinge loss reads
     * @param binary whether scores are binary (one per sample)
     * @param numClasses number of classes (2 for binary)
     * @param tailThreshold per-sample loss above which a sample counts in the tail ratio
     * @param margin the loss's margin, below which (inclusive) a signed margin makes a support vector
     * @param parent the manager whose device the accumulated arrays live on
     */
    public MarginAccumulator(PerSampleLoss loss, int hingeIndex, boolean binary, int numClasses,
            double tailThreshold, double margin, NDManager parent) {
        this(loss, Margins.head(hingeIndex, binary), numClasses, tailThreshold, margin, parent);
    }

    /**
     * Creates an accumulator that reads decisions and margins through a head (a one-vs-one head, say).
     *
     * @param loss the hinge loss whose per-sample values are reported
     * @param head how predictions give classes and margins
     * @param numClasses number of classes (2 for binary)
     * @param tailThreshold per-sample loss above which a sample counts in the tail ratio
     * @param margin the loss's margin, below which (inclusive) a signed margin makes a support vector
     * @param parent the manager whose device the accumulated arrays live on
     */
    public MarginAccumulator(PerSampleLoss loss, ScoreHead head, int numClasses, double tailThreshold, double margin,
            NDManager parent) {
        this.hinge = loss;
        this.head = head;
        this.binary = head.binary();
        this.numClasses = numClasses;
        this.tailThreshold = tailThreshold;
        this.margin = margin;
        this.manager = parent.newSubManager();
    }

    @Override
    public void add(NDArray batchLabels, NDList predictions, NDArray loss) {
        add(batchLabels, predictions, loss, null);
    }

    @Override
    public void add(NDArray batchLabels, NDList predictions, NDArray loss, NDArray computed) {
        NDArray perSample = computed != null ? computed : hinge.perSample(new NDList(batchLabels), predictions);
        NDArray margin = head.signed(predictions, batchLabels);
        NDArray guess = head.predicted(predictions);
        // binary: a score of exactly 0 is wrong for both signs, as the sign test y*s > 0 says
        NDArray right = binary ? predictions.get(0).reshape(-1).mul(Margins.signs(batchLabels)).gt(0)
                : guess.eq(batchLabels.toType(DataType.INT64, false));
        keep(predicted, guess);
        keep(losses, perSample.toType(DataType.FLOAT32, false));
        keep(margins, margin.toType(DataType.FLOAT32, false));
        keep(correct, right.toType(DataType.FLOAT32, false));
        keep(labels, binary ? Margins.signs(batchLabels).gt(0).toType(DataType.INT64, false)
                : batchLabels.toType(DataType.INT64, false));
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
            NDArray guess = NDArrays.concat(predicted);
            NDArray right = NDArrays.concat(correct);
            new NDList(loss, margin, label, guess, right).attach(scratch);
            return summarize(loss, margin, label, guess, right, binary ? 2 : numClasses, tailThreshold, this.margin);
        }
    }

    /**
     * Summarises per-sample arrays into a report, on their device: what the accumulator does at the end, and what a
     * scored file's report does with its columns.
     *
     * @param loss per-sample hinge losses (N)
     * @param margin signed margins (N)
     * @param label true classes (N, integer)
     * @param guess predicted classes (N, integer)
     * @param correct 1 where the prediction is right, else 0 (N, float32)
     * @param classes number of classes
     * @param tailThreshold the tail threshold
     * @param lossMargin the loss's margin (support vectors)
     * @return the report
     */
    public static MarginReport summarize(NDArray loss, NDArray margin, NDArray label, NDArray guess, NDArray correct,
            int classes, double tailThreshold, double lossMargin) {
        NDArray oneHot = label.oneHot(classes).toType(DataType.FLOAT32, false);
        NDArray counts = oneHot.sum(new int[] {0});
        NDArray violated = loss.gt(0).toType(DataType.FLOAT32, false);
        NDArray perClass = perClassMean(oneHot, loss, counts);
        NDArray summary = NDArrays.stack(new NDList(
                loss.mean(), correct.mean(), violated.mean(),
                loss.gt(tailThreshold).toType(DataType.FLOAT32, false).mean(),
                margin.lte(margin.getManager().create((float) lossMargin)).toType(DataType.FLOAT32, false).sum()));
        float[] s = summary.toFloatArray();
        NDArray confusion = oneHot.transpose().matMul(guess.oneHot(classes).toType(DataType.FLOAT32, false));
        return new MarginReport(loss.size(), s[0], s[1], s[2], tailThreshold, s[3],
                perClass.toFloatArray(), margin.toFloatArray(), loss.toFloatArray(), lossMargin, (long) s[4],
                toLongs(counts.toFloatArray()), perClassMean(oneHot, violated, counts).toFloatArray(),
                toMatrix(confusion.toFloatArray(), classes), Quantiles.of(loss, MarginReport.QUANTILES),
                Quantiles.of(margin, MarginReport.QUANTILES));
    }

    /** Mean of {@code values} over the samples of each class: NaN where a class has none. */
    private static NDArray perClassMean(NDArray oneHot, NDArray values, NDArray counts) {
        return oneHot.transpose().matMul(values.reshape(-1, 1)).reshape(-1).div(counts);
    }

    private static long[] toLongs(float[] values) {
        long[] out = new long[values.length];
        Arrays.setAll(out, i -> Math.round(values[i]));
        return out;
    }

    private static long[][] toMatrix(float[] values, int classes) {
        long[][] out = new long[classes][];
        Arrays.setAll(out, row -> toLongs(Arrays.copyOfRange(values, row * classes, (row + 1) * classes)));
        return out;
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
