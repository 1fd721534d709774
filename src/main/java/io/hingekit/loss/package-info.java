/**
 * Hinge (margin) losses on class scores, as DJL {@link ai.djl.training.loss.Loss} subclasses made of NDArray operations
 * only, each with its formula in its Javadoc: {@link io.hingekit.loss.BinaryHingeLoss} (one score, labels -1/+1 or
 * 0/1), {@link io.hingekit.loss.MulticlassHingeLoss} (Weston-Watkins, Crammer-Singer or one-vs-rest over C scores) and
 * {@link io.hingekit.loss.AuxiliaryHingeLoss} (a primary loss such as cross-entropy plus a weighted hinge), {@link
 * io.hingekit.loss.OneVsOneHingeLoss} (K(K-1)/2 pairwise scores; its {@link io.hingekit.loss.ClassPairs} turn them into
 * votes, predictions and margins), and the hinge's relatives over {@link io.hingekit.loss.MarginLoss}: {@link
 * io.hingekit.loss.PerceptronLoss}, {@link io.hingekit.loss.LogisticLoss} and {@link
 * io.hingekit.loss.SmoothedHingeLoss}. The binary and multi-class values are the batch mean of per-sample losses
 * ({@link io.hingekit.loss.PerSampleLoss}), optionally weighted per sample by {@code labels.get(1)}.
 *
 * <p>The package also holds what the metric losses in {@code mining} build on:
 * {@link io.hingekit.loss.LossBuilder}, the self-typed builder base with the name and margin every loss has
 * ({@code margin(1f)}, methods named after the property, checked in {@code build()});
 * {@link io.hingekit.loss.ResultScope}, the scope that closes a computation's temporary arrays and keeps its
 * results; and {@link io.hingekit.loss.LossDiagnostics}, the named parts a loss reports at logging steps.
 *
 * <pre>{@code
 * MulticlassHingeLoss hinge = MulticlassHingeLoss.builder()
 *         .variant(MulticlassHingeLoss.Variant.CRAMMER_SINGER).margin(1f).squared(true).build();
 * Loss loss = AuxiliaryHingeLoss.builder().hinge(hinge).lambda(0.5f).build();   // cross-entropy + 0.5 hinge
 * }</pre>
 *
 * <p>Triplet and contrastive hinge losses on embeddings: see {@code io.hingekit.mining}.
 *
 * <p><b>Layering:</b> may import util and files.
 */
package io.hingekit.loss;
