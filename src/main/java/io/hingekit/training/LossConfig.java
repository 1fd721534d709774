package io.hingekit.training;

import java.util.List;

/**
 * The loss and its parameters; fields a loss type does not use are ignored.
 *
 * @param type {@code binary-hinge}, {@code multiclass-hinge}, {@code ce-aux-hinge}, {@code triplet} or
 *     {@code contrastive}
 * @param variant multi-class variant: {@code WESTON_WATKINS}, {@code CRAMMER_SINGER} or {@code ONE_VS_REST}
 * @param margin the margin (triplet default 0.2, contrastive default 1)
 * @param power 1 (hinge) or 2 (squared hinge)
 * @param divideByClasses whether multi-class sums are divided by the number of classes (PyTorch's convention)
 * @param classWeights per-class weights, index = label
 * @param lambda weight of the hinge term beside cross-entropy ({@code ce-aux-hinge})
 * @param hingeOnAuxHead whether the auxiliary hinge reads the auxiliary head (true) or the logits (false)
 * @param miner triplet miner: {@code batch-all}, {@code batch-hard} (the triplet default), {@code semi-hard} or
 *     {@code hard}; a contrastive loss without one scores every pair of the batch, with one the mined triplets' pairs
 * @param distance embedding distance: {@code euclidean}, {@code squared-euclidean} or {@code cosine}
 * @param reduction triplet or pair reduction: {@code mean-nonzero} (over terms with a positive loss) or {@code mean}
 * @param softMargin whether the triplet loss is the soft margin {@code log(1 + exp(d(a,p) - d(a,n)))}
 * @param maxTriplets batch-all only: keep a seeded random subset of at most this many triplets per batch
 */
public record LossConfig(
        String type,
        String variant,
        Double margin,
        Integer power,
        Boolean divideByClasses,
        List<Double> classWeights,
        Double lambda,
        Boolean hingeOnAuxHead,
        String miner,
        String distance,
        String reduction,
        Boolean softMargin,
        Integer maxTriplets) {}
