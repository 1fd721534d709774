package io.hingekit.training;

import java.util.Map;

/**
 * What one logged training step reports to listeners.
 *
 * @param epoch zero-based epoch
 * @param globalStep steps taken since the run began (resumes continue the count)
 * @param loss the batch's total loss
 * @param parts named parts or statistics of the loss (empty when the loss has none)
 * @param gradientNorm global L2 norm of the gradients before clipping and the update
 * @param learningRate learning rate used for this step
 */
public record StepReport(
        int epoch, long globalStep, double loss, Map<String, Double> parts, double gradientNorm, double learningRate) {}
