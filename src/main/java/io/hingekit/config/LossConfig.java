package io.hingekit.config;

import static io.hingekit.util.Checks.check;

import io.hingekit.loss.AuxiliaryHingeLoss;
import io.hingekit.loss.BinaryHingeLoss;
import io.hingekit.loss.MulticlassHingeLoss;
import io.hingekit.loss.OneVsOneHingeLoss;
import io.hingekit.loss.SmoothedHingeLoss;
import io.hingekit.mining.ContrastiveHingeLoss;
import io.hingekit.mining.TripletHingeLoss;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The loss and its parameters; missing values take the loss's defaults here, and a key that the loss type does not
 * use is an error naming it.
 *
 * @param type the loss (default {@code multiclass-hinge})
 * @param variant multi-class variant (default {@code weston-watkins})
 * @param margin the margin (hinge losses, {@code one-vs-one} and {@code smoothed-hinge} 1, triplet 0.2, contrastive
 *     1); absent for {@code perceptron} (0 by definition) and {@code logistic} (none)
 * @param power 1 (hinge) or 2 (squared hinge, or squared distance terms of the embedding losses); absent for
 *     {@code perceptron}, {@code logistic} and {@code smoothed-hinge}
 * @param divideByClasses whether multi-class sums are divided by the number of classes (PyTorch's convention)
 * @param classWeights per-class weights, index = label
 * @param lambda weight of the hinge term beside cross-entropy ({@code ce-aux-hinge}; default 1)
 * @param hingeOnAuxHead whether the auxiliary hinge reads the auxiliary head (true) or the logits (false, default)
 * @param miner triplet miner ({@code batch-hard} by default for triplet); a contrastive loss without one scores
 *     every pair of the batch, with one the mined triplets' pairs
 * @param distance embedding distance: {@code euclidean} (default), {@code squared-euclidean} or {@code cosine}
 * @param reduction embedding loss reduction (default {@code mean-nonzero})
 * @param softMargin whether the triplet loss is the soft margin {@code log(1 + exp(d(a,p) - d(a,n)))}
 * @param maxTriplets batch-all only: keep a seeded random subset of at most this many triplets per batch
 */
public record LossConfig(
        LossType type,
        HingeVariant variant,
        Double margin,
        Integer power,
        Boolean divideByClasses,
        List<Double> classWeights,
        Double lambda,
        Boolean hingeOnAuxHead,
        MinerType miner,
        VectorDistance distance,
        ReductionType reduction,
        Boolean softMargin,
        Integer maxTriplets) {

    private static final Set<LossType> HINGE = EnumSet.of(
            LossType.BINARY_HINGE, LossType.MULTICLASS_HINGE, LossType.CE_AUX_HINGE);
    private static final Set<LossType> MULTICLASS = EnumSet.of(LossType.MULTICLASS_HINGE, LossType.CE_AUX_HINGE);
    private static final EnumSet<LossType> UNPOWERED =
            EnumSet.of(LossType.PERCEPTRON, LossType.LOGISTIC, LossType.SMOOTHED_HINGE);
    private static final Set<LossType> METRIC = EnumSet.of(LossType.TRIPLET, LossType.CONTRASTIVE);

    /** Fills in the defaults of the type and refuses keys that the type does not use. */
    public LossConfig {
        type = type == null ? LossType.MULTICLASS_HINGE : type;
        onlyFor("variant", variant, MULTICLASS, type);
        onlyFor("divideByClasses", divideByClasses, MULTICLASS, type);
        onlyFor("classWeights", classWeights, HINGE, type);
        onlyFor("lambda", lambda, EnumSet.of(LossType.CE_AUX_HINGE), type);
        onlyFor("hingeOnAuxHead", hingeOnAuxHead, EnumSet.of(LossType.CE_AUX_HINGE), type);
        onlyFor("miner", miner, METRIC, type);
        onlyFor("distance", distance, METRIC, type);
        onlyFor("reduction", reduction, METRIC, type);
        onlyFor("softMargin", softMargin, EnumSet.of(LossType.TRIPLET), type);
        onlyFor("maxTriplets", maxTriplets, METRIC, type);
        // the resolved config writes these fixed values back, so they are accepted, and nothing else
        check(margin == null || margin == 0 || type != LossType.PERCEPTRON && type != LossType.LOGISTIC,
                "loss.margin", "absent (or 0) for loss.type " + type.word() + ", which has no margin", margin);
        check(power == null || power == 1 || !UNPOWERED.contains(type), "loss.power",
                "absent (or 1) for loss.type " + type.word(), power);
        margin = margin == null ? defaultMargin(type) : margin;
        check(margin >= 0 && !margin.isInfinite(), "loss.margin", "finite and >= 0", margin);
        power = power == null ? 1 : power;
        check(power == 1 || power == 2, "loss.power", "1 or 2", power);
        if (MULTICLASS.contains(type)) {
            variant = variant == null ? HingeVariant.WESTON_WATKINS : variant;
            divideByClasses = divideByClasses != null ? divideByClasses : variant.variant().dividesByClassesByDefault();
        }
        if (type == LossType.CE_AUX_HINGE) {
            lambda = lambda == null ? AuxiliaryHingeLoss.DEFAULT_LAMBDA : lambda;
            hingeOnAuxHead = hingeOnAuxHead != null && hingeOnAuxHead;
        }
        classWeights = classWeights == null ? null : List.copyOf(new ArrayList<>(classWeights));
        if (METRIC.contains(type)) {
            miner = miner == null && type == LossType.TRIPLET ? MinerType.BATCH_HARD : miner;
            distance = distance == null ? VectorDistance.EUCLIDEAN : distance;
            check(distance != VectorDistance.DOT, "loss.distance", "euclidean, squared-euclidean or cosine", "dot");
            reduction = reduction == null ? ReductionType.MEAN_NONZERO : reduction;
            check(maxTriplets == null || miner == MinerType.BATCH_ALL, "loss.maxTriplets",
                    "used with miner batch-all only", "set with miner " + (miner == null ? "none" : miner.word()));
            check(maxTriplets == null || maxTriplets > 0, "loss.maxTriplets", "> 0", maxTriplets);
        }
        if (type == LossType.TRIPLET) {
            softMargin = softMargin != null && softMargin;
        }
    }

    /** Returns whether the loss trains an embedding (triplet or contrastive) rather than class scores. */
    public boolean isEmbedding() {
        return METRIC.contains(type);
    }

    /** The loss classes' float defaults, written back as the decimals they stand for (0.2, not 0.200000003). */
    private static double defaultMargin(LossType type) {
        return Double.parseDouble(Float.toString(switch (type) {
            case BINARY_HINGE -> BinaryHingeLoss.DEFAULT_MARGIN;
            case PERCEPTRON, LOGISTIC -> 0f;
            case SMOOTHED_HINGE -> SmoothedHingeLoss.DEFAULT_MARGIN;
            case ONE_VS_ONE -> OneVsOneHingeLoss.DEFAULT_MARGIN;
            case MULTICLASS_HINGE, CE_AUX_HINGE -> MulticlassHingeLoss.DEFAULT_MARGIN;
            case TRIPLET -> TripletHingeLoss.DEFAULT_MARGIN;
            case CONTRASTIVE -> ContrastiveHingeLoss.DEFAULT_MARGIN;
        }));
    }

    private static void onlyFor(String key, Object value, Set<LossType> types, LossType type) {
        check(value == null || types.contains(type), "loss." + key, "absent for loss.type " + type.word()
                + " (it applies to " + String.join(", ", types.stream().map(LossType::word).toList()) + ")", value);
    }
}
