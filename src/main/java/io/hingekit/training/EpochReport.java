package io.hingekit.training;

import io.hingekit.metrics.MarginReport;
import java.util.Map;

/**
 * What one finished epoch reports to listeners: margin health of the training and validation splits, and any
 * further scalars (retrieval metrics) and distributions (triplet gaps, pair distances) the run computed.
 *
 * @param epoch zero-based epoch
 * @param globalStep steps taken since the run began, at the end of this epoch
 * @param learningRate learning rate at the end of the epoch
 * @param seconds wall time of the epoch
 * @param train margin health of the training split (null for embedding runs)
 * @param validation margin health of the validation split (null for embedding runs)
 * @param scalars further named scalars, for example {@code train/loss} or {@code retrieval/precision_at_1}
 * @param distributions further named value arrays to draw histograms of, for example {@code validation/triplet_gap}
 */
public record EpochReport(
        int epoch,
        long globalStep,
        double learningRate,
        double seconds,
        MarginReport train,
        MarginReport validation,
        Map<String, Double> scalars,
        Map<String, float[]> distributions) {}
