package io.hingekit.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.hingekit.config.LossConfig;
import io.hingekit.loss.AbstractHingeLoss;
import io.hingekit.loss.AuxiliaryHingeLoss;
import io.hingekit.loss.BinaryHingeLoss;
import io.hingekit.loss.ClassPairs;
import io.hingekit.loss.LogisticLoss;
import io.hingekit.loss.MulticlassHingeLoss;
import io.hingekit.loss.OneVsOneHingeLoss;
import io.hingekit.loss.PerSampleLoss;
import io.hingekit.loss.PerceptronLoss;
import io.hingekit.loss.SmoothedHingeLoss;
import io.hingekit.metrics.MarginAccumulator;
import io.hingekit.metrics.Margins;
import io.hingekit.metrics.ScoreHead;
import io.hingekit.metrics.SplitEvaluator;
import java.util.List;
import java.util.Optional;

/**
 * A classifier: class scores trained with a hinge loss (binary, multi-class, or beside cross-entropy), evaluated by
 * their margins ({@link MarginAccumulator}) on the validation split after each epoch.
 *
 * @param loss the loss the optimizer minimises
 * @param hinge the hinge loss whose per-sample values are monitored (for a plain hinge run, the same object)
 * @param hingeIndex index of the prediction the hinge reads (1 for the auxiliary head)
 * @param binary whether the network outputs one score per sample
 * @param numClasses number of classes of the data
 * @param tailThreshold per-sample loss above which a sample counts in the tail ratio
 * @param margin the loss's margin (support vectors have a signed margin at most this)
 * @param criterion the validation figure that selects the saved model
 * @param pairs the class pairs of a one-vs-one head, whose K(K-1)/2 pairwise scores are read through them; null for
 *     every other head
 */
public record ClassifierTask(Loss loss, PerSampleLoss hinge, int hingeIndex, boolean binary, int numClasses,
        double tailThreshold, double margin, SelectionCriterion criterion, ClassPairs pairs)
        implements Task {

    /**
     * A classifier whose scores are one per class (or one per sample, binary).
     *
     * @param loss the loss the optimizer minimises
     * @param hinge the hinge loss whose per-sample values are monitored
     * @param hingeIndex index of the prediction the hinge reads
     * @param binary whether the network outputs one score per sample
     * @param numClasses number of classes of the data
     * @param tailThreshold tail threshold of the margin reports
     * @param margin the loss's margin
     * @param criterion the selection figure
     */
    public ClassifierTask(Loss loss, PerSampleLoss hinge, int hingeIndex, boolean binary, int numClasses,
            double tailThreshold, double margin, SelectionCriterion criterion) {
        this(loss, hinge, hingeIndex, binary, numClasses, tailThreshold, margin, criterion, null);
    }

    /**
     * Builds the loss of a hinge config.
     *
     * @param config the loss section (a hinge type)
     * @param numClasses number of classes of the data
     * @param tailThreshold the tail threshold of the margin reports
     * @param criterion the selection figure
     * @return the task
     */
    static ClassifierTask of(LossConfig config, int numClasses, double tailThreshold, SelectionCriterion criterion) {
        return switch (config.type()) {
            case BINARY_HINGE -> {
                BinaryHingeLoss loss = binary(config, numClasses);
                yield new ClassifierTask(loss, loss, 0, true, numClasses, tailThreshold, config.margin(), criterion);
            }
            case MULTICLASS_HINGE -> {
                MulticlassHingeLoss loss = multiclass(config, numClasses);
                yield new ClassifierTask(loss, loss, 0, false, numClasses, tailThreshold, config.margin(), criterion);
            }
            case CE_AUX_HINGE -> {
                int hingeIndex = config.hingeOnAuxHead() ? 1 : 0;
                AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder()
                        .primary(new SoftmaxCrossEntropyLoss("cross_entropy"))
                        .hinge(multiclass(config, numClasses))
                        .hingePredictionIndex(hingeIndex)
                        .lambda(config.lambda().floatValue())
                        .build();
                yield new ClassifierTask(loss, loss, hingeIndex, false, numClasses, tailThreshold, config.margin(), criterion);
            }
            case PERCEPTRON, LOGISTIC, SMOOTHED_HINGE -> {
                AbstractHingeLoss loss = relative(config, numClasses);
                yield new ClassifierTask(loss, loss, 0, false, numClasses, tailThreshold, config.margin(), criterion);
            }
            case ONE_VS_ONE -> {
                requireClasses(config, numClasses);
                OneVsOneHingeLoss loss = OneVsOneHingeLoss.builder().validateLabels(false).numClasses(numClasses)
                        .margin(config.margin().floatValue()).power(config.power()).build();
                yield new ClassifierTask(loss, loss, 0, false, numClasses, tailThreshold, config.margin(), criterion,
                        loss.pairs());
            }
            default -> throw new IllegalArgumentException("loss.type " + config.type().word() + " is not a hinge loss");
        };
    }

    private static BinaryHingeLoss binary(LossConfig config, int numClasses) {
        if (numClasses != 2) {
            throw new IllegalArgumentException("loss.type binary-hinge needs 2 classes, the data has " + numClasses);
        }
        BinaryHingeLoss.Builder builder = BinaryHingeLoss.builder().validateLabels(false)
                .squared(config.power() == 2).margin(config.margin().floatValue());
        if (config.classWeights() != null) {
            float[] w = weights(config.classWeights(), 2);
            builder.negativeWeight(w[0]).positiveWeight(w[1]);
        }
        return builder.build();
    }

    /** The hinge's relatives on C class scores: perceptron, logistic and smoothed hinge. */
    private static AbstractHingeLoss relative(LossConfig config, int numClasses) {
        requireClasses(config, numClasses);
        return switch (config.type()) {
            case PERCEPTRON -> PerceptronLoss.builder().validateLabels(false).build();
            case LOGISTIC -> LogisticLoss.builder().validateLabels(false).build();
            default -> SmoothedHingeLoss.builder().validateLabels(false).margin(config.margin().floatValue()).build();
        };
    }

    private static void requireClasses(LossConfig config, int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("loss.type " + config.type().word()
                    + " needs at least 2 classes, the training data has " + numClasses);
        }
    }

    private static MulticlassHingeLoss multiclass(LossConfig config, int numClasses) {
        requireClasses(config, numClasses);
        MulticlassHingeLoss.Builder builder = MulticlassHingeLoss.builder().validateLabels(false)
                .power(config.power()).variant(config.variant().variant()).margin(config.margin().floatValue())
                .divideByClasses(config.divideByClasses());
        if (config.classWeights() != null) {
            builder.classWeights(weights(config.classWeights(), numClasses));
        }
        return builder.build();
    }

    private static float[] weights(List<Double> values, int expected) {
        if (values.size() != expected) {
            throw new IllegalArgumentException(
                    "loss.classWeights needs " + expected + " values (one per class), got " + values.size());
        }
        float[] w = new float[values.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = values.get(i).floatValue();
        }
        return w;
    }

    /** Columns of {@link #marginRows}: label, predicted class, signed margin, label-free gap. */
    public static final int MARGIN_COLUMNS = 4;

    /**
     * Returns what margin monitoring keeps of each sample, on the device: the label (0/1 for binary), the predicted
     * class (primary head), the signed margin and the label-free gap (hinge head), as float32 (N, 4).
     *
     * @param labels the batch's labels (N)
     * @param predictions the model's outputs for the batch
     * @return the rows
     */
    public NDArray marginRows(NDArray labels, NDList predictions) {
        ScoreHead head = head();
        NDArray label = binary ? Margins.signs(labels).gt(0) : labels;
        return NDArrays.stack(new NDList(label.toType(DataType.FLOAT32, false),
                head.predicted(predictions).toType(DataType.FLOAT32, false),
                head.signed(predictions, labels).toType(DataType.FLOAT32, false),
                head.gap(predictions).toType(DataType.FLOAT32, false)), 1);
    }

    /**
     * Returns how this classifier's outputs give the class, the signed margin and the gap: through its class pairs
     * for a one-vs-one head, else from prediction 0 (class) and the hinge's prediction (margins).
     *
     * @return the head
     */
    public ScoreHead head() {
        return pairs == null ? Margins.head(hingeIndex, binary) : Margins.oneVsOne(pairs);
    }

    /**
     * Returns the primary head's per-class scores (prediction 0; one-vs-one: the class scores of {@link #head}),
     * which the PR curves read.
     *
     * @param predictions the network's outputs
     * @return (N, C), or (N) / (N, 1) for a binary head
     */
    public NDArray primaryScores(NDList predictions) {
        return pairs == null ? predictions.get(0) : pairs.classScores(predictions.get(0));
    }

    /** Returns the number of scores per row that {@link #head}'s class scores give: classes, or 1 for binary. */
    public int classScoreCount() {
        return binary ? 1 : numClasses;
    }

    /**
     * Returns the per-sample hinge loss, on the device.
     *
     * @param labels the batch's labels (N)
     * @param predictions the model's outputs for the batch
     * @return the losses (N)
     */
    public NDArray perSampleLoss(NDArray labels, NDList predictions) {
        return hinge.perSample(new NDList(labels), predictions);
    }

    @Override
    public int outputs() {
        return pairs != null ? pairs.count() : binary ? 1 : numClasses;
    }

    @Override
    public SplitEvaluator trainingEvaluator(NDManager manager) {
        return evaluator(manager);
    }

    @Override
    public SplitEvaluator evaluator(NDManager manager) {
        return new MarginAccumulator(hinge, head(), numClasses, tailThreshold, margin, manager);
    }

    @Override
    public List<String> splitsEachEpoch() {
        return List.of("validation");
    }

    /** Train too: the margin report's train-validation hinge gap needs the selected model's train figures. */
    @Override
    public List<String> finalSplits() {
        return List.of("train", "validation", "test");
    }

    @Override
    public Optional<ValidationScores> validationScores() {
        return Optional.of(new ValidationScores(this));
    }
}
