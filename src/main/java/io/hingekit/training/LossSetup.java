package io.hingekit.training;

import ai.djl.training.loss.Loss;
import io.hingekit.loss.PerSampleLoss;

/**
 * The loss a run optimises, with what margin monitoring needs to know about it.
 *
 * @param loss the loss the optimizer minimises
 * @param hinge the hinge loss whose per-sample values are monitored (for a plain hinge run, the same object)
 * @param hingeIndex index of the prediction the hinge reads
 * @param binary whether the model outputs one score per sample
 * @param embedding whether the model outputs embeddings (a triplet loss) rather than class scores
 */
public record LossSetup(Loss loss, PerSampleLoss hinge, int hingeIndex, boolean binary, boolean embedding) {}
