package io.hingekit.online;

/**
 * Progressive validation of a stream: each example is scored before it is learnt from, and these figures
 * accumulate over the whole stream and over a sliding window of the latest examples: accuracy, mean hinge loss
 * (unweighted {@code max(0, margin - signed margin)}) and violation rate (the share of examples with a loss above
 * 0). The whole-stream totals survive a restart through the checkpoint; the window starts empty in each process.
 * Not thread-safe.
 */
public final class ProgressiveValidation {

    private final int window;
    private final boolean[] windowCorrect;
    private final double[] windowLoss;
    private Totals totals;
    private int filled;
    private int next;
    private int windowHits;
    private int windowViolations;
    private double windowLossSum;

    /**
     * Creates empty figures.
     *
     * @param window the number of latest examples of the windowed figures
     * @param totals whole-stream totals to continue from (of a checkpoint), or {@link Totals#EMPTY}
     */
    public ProgressiveValidation(int window, Totals totals) {
        this.window = window;
        this.windowCorrect = new boolean[window];
        this.windowLoss = new double[window];
        this.totals = totals;
    }

    /**
     * Records one example's outcome before learning from it.
     *
     * @param correct whether the predicted class was the label
     * @param loss the hinge loss
     */
    public void record(boolean correct, double loss) {
        if (filled == window) {
            windowHits -= windowCorrect[next] ? 1 : 0;
            windowViolations -= windowLoss[next] > 0 ? 1 : 0;
            windowLossSum -= windowLoss[next];
        } else {
            filled++;
        }
        windowCorrect[next] = correct;
        windowLoss[next] = loss;
        windowHits += correct ? 1 : 0;
        windowViolations += loss > 0 ? 1 : 0;
        windowLossSum += loss;
        next = (next + 1) % window;
        totals = new Totals(totals.examples() + 1, totals.correct() + (correct ? 1 : 0), totals.lossSum() + loss,
                totals.violations() + (loss > 0 ? 1 : 0));
    }

    /** Returns the whole-stream totals (saved with each checkpoint). */
    public Totals totals() {
        return totals;
    }

    /** Returns the current figures. */
    public Figures figures() {
        double n = Math.max(1, totals.examples());
        double w = Math.max(1, filled);
        return new Figures(totals.examples(), totals.correct() / n, totals.lossSum() / n, totals.violations() / n,
                filled, windowHits / w, Math.max(0, windowLossSum) / w, windowViolations / w);
    }

    /**
     * Whole-stream counts.
     *
     * @param examples examples scored
     * @param correct examples predicted right
     * @param lossSum sum of their hinge losses
     * @param violations examples with a loss above 0
     */
    public record Totals(long examples, long correct, double lossSum, long violations) {
        /** No example yet. */
        public static final Totals EMPTY = new Totals(0, 0, 0, 0);
    }

    /**
     * The progressive figures at one point of the stream (0 before the first example).
     *
     * @param examples examples scored over the whole stream (all processes)
     * @param accuracy accuracy over the whole stream
     * @param hingeLoss mean hinge loss over the whole stream
     * @param violationRate violation rate over the whole stream
     * @param windowExamples examples in the window (at most its size)
     * @param windowAccuracy accuracy over the window
     * @param windowHingeLoss mean hinge loss over the window
     * @param windowViolationRate violation rate over the window
     */
    public record Figures(long examples, double accuracy, double hingeLoss, double violationRate, int windowExamples,
            double windowAccuracy, double windowHingeLoss, double windowViolationRate) {}
}
