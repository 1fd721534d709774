package io.hingekit.tensorboard;

import io.hingekit.metrics.MarginReport;
import io.hingekit.training.EpochReport;
import io.hingekit.training.RunContext;
import io.hingekit.training.RunListener;
import io.hingekit.training.RunReport;
import io.hingekit.training.StepReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logs a training run to TensorBoard: step losses, epoch margin health of both splits, the validation PR curves
 * and the hyperparameters with the final metrics, in the run's {@link RunContext#logDir()}.
 *
 * <p>PR curves are one-vs-rest per class on the validation split. TensorBoard's PR curves need predictions in
 * [0, 1], so the raw score of the class (no softmax across classes) is mapped through the sigmoid
 * {@code 1 / (1 + exp(-s))}: monotone, so the ranking of the samples (and thus the curve) is the raw scores', and
 * the threshold 0.5 is the raw score 0. A single score column with two classes is the binary case: one curve for
 * class 1.
 *
 * <p>Every process writes a SessionLog START at its start step, not only resumed ones: TensorBoard's Python loader
 * takes a run's first START as its beginning and drops the points at or after the step of each later START, so a
 * resume hides what the interrupted process logged past its checkpoint. (TensorBoard's Rust data server gets the
 * same result from the steps alone: a point preempts the points of its series at later or equal steps.)
 */
public final class TensorBoardListener implements RunListener {

    /** The batch's total loss at each logged step. */
    public static final String STEP_LOSS = "train/step_loss";

    /** Prefix of the loss parts at each logged step: {@code train/step_<part>}. */
    public static final String STEP_PART_PREFIX = "train/step_";

    /** The gradients' global L2 norm at each logged step. */
    public static final String GRADIENT_NORM = "train/gradient_norm";

    /** The learning rate at each logged step. */
    public static final String LEARNING_RATE = "train/learning_rate";

    /** The learning rate at the end of each epoch. */
    public static final String EPOCH_LEARNING_RATE = "epoch/learning_rate";

    /** Wall seconds of each epoch. */
    public static final String EPOCH_SECONDS = "epoch/seconds";

    /** Section of the training split's epoch summaries. */
    public static final String TRAIN = "train";

    /** Section of the validation split's epoch summaries. */
    public static final String VALIDATION = "validation";

    /** Prefix of the per-class validation PR curves: {@code pr_curve/<className>}. */
    public static final String PR_CURVE_PREFIX = "pr_curve/";

    private RunContext context;
    private SummaryWriter writer;

    private final PrintStream out;

    /**
     * Creates the listener; it opens its writer when the run starts.
     *
     * @param out where the {@code tensorboard --logdir} hint is printed
     */
    public TensorBoardListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onRunStart(RunContext context) {
        this.context = context;
        out.printf("TensorBoard: tensorboard --logdir %s%n", context.logDir().toAbsolutePath().getParent());
        try {
            writer = SummaryWriter.open(context.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open TensorBoard log directory " + context.logDir(), e);
        }
        writer.sessionStart(context.startStep());
    }

    @Override
    public void onStep(StepReport step) {
        long at = step.globalStep();
        writer.scalar(STEP_LOSS, step.loss(), at);
        step.parts().forEach((part, value) -> writer.scalar(STEP_PART_PREFIX + Tags.component(part), value, at));
        writer.scalar(GRADIENT_NORM, step.gradientNorm(), at);
        writer.scalar(LEARNING_RATE, step.learningRate(), at);
    }

    @Override
    public void onEpochEnd(EpochReport epoch) {
        long at = epoch.globalStep();
        logMargins(TRAIN, epoch.train(), at);
        logMargins(VALIDATION, epoch.validation(), at);
        epoch.scalars().forEach((name, value) -> writer.scalar(Tags.sanitize(name), value, at));
        epoch.distributions().forEach((name, values) -> writer.histogram(Tags.sanitize(name), values, at));
        writer.scalar(EPOCH_LEARNING_RATE, epoch.learningRate(), at);
        writer.scalar(EPOCH_SECONDS, epoch.seconds(), at);
        flush();
    }

    @Override
    public void onRunEnd(RunReport report) {
        if (report.validationLabels() != null && report.validationScores() != null) {
            logPrCurves(report.validationLabels(), report.validationScores());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        report.finalMetrics().forEach((name, value) -> metrics.put(Tags.sanitize(name), value));
        writer.hparams(hparamValues(context.hyperparameters()), metrics);
        flush();
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing TensorBoard event file " + writer.file() + " failed", e);
        }
    }

    private void logMargins(String split, MarginReport margins, long at) {
        if (margins == null) {
            return;
        }
        writer.scalar(split + "/loss", margins.meanLoss(), at);
        writer.scalar(split + "/violation_rate", margins.violationRate(), at);
        writer.scalar(split + "/tail_ratio", margins.tailRatio(), at);
        writer.scalar(split + "/accuracy", margins.accuracy(), at);
        float[] perClass = margins.perClassLoss();
        for (int c = 0; c < perClass.length; c++) {
            writer.scalar(split + "/class_loss/" + className(c), perClass[c], at);
        }
        writer.histogram(split + "/signed_margin", margins.signedMargins(), at);
        writer.histogram(split + "/sample_loss", margins.perSampleLoss(), at);
    }

    private void logPrCurves(int[] labels, float[][] scores) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException(
                    "validation labels and scores differ in length: " + labels.length + " and " + scores.length);
        }
        int columns = scores.length == 0 ? context.classNames().size() : scores[0].length;
        boolean binary = columns == 1;
        if (!binary && columns != context.classNames().size()) {
            throw new IllegalArgumentException("validation scores have " + columns + " columns for "
                    + context.classNames().size() + " classes");
        }
        for (int column = 0; column < columns; column++) {
            int positiveClass = binary ? 1 : column;
            boolean[] positive = new boolean[labels.length];
            float[] predictions = new float[labels.length];
            for (int i = 0; i < labels.length; i++) {
                positive[i] = labels[i] == positiveClass;
                predictions[i] = sigmoid(scores[i][column]);
            }
            writer.prCurve(PR_CURVE_PREFIX + className(positiveClass), positive, predictions, writer.lastStep());
        }
    }

    private String className(int index) {
        List<String> names = context.classNames();
        return Tags.component(index < names.size() ? names.get(index) : String.valueOf(index));
    }

    private void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing TensorBoard event file " + writer.file() + " failed", e);
        }
    }

    private static float sigmoid(float score) {
        return (float) (1 / (1 + Math.exp(-score)));
    }

    /** Keeps the types the hparams plugin knows and turns anything else into its text. */
    private static Map<String, Object> hparamValues(Map<String, Object> hyperparameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        hyperparameters.forEach((name, value) -> values.put(name,
                value instanceof Boolean || value instanceof Number ? value : String.valueOf(value)));
        return values;
    }
}
