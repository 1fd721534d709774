package io.hingekit.training;

import java.util.List;
import java.util.Map;

/**
 * Where the loop stands after a finished epoch: what a checkpoint restores besides parameters and optimizer.
 *
 * @param epoch the last finished epoch (zero-based)
 * @param globalStep steps taken so far
 * @param bestScore the best validation figure ({@link io.hingekit.task.SelectionCriterion}) seen so far
 * @param bestEpoch the epoch that reached it
 * @param epochsWithoutImprovement epochs since it was reached
 * @param history per-epoch summary metrics, oldest first
 */
public record LoopState(
        int epoch,
        long globalStep,
        double bestScore,
        int bestEpoch,
        int epochsWithoutImprovement,
        List<Map<String, Double>> history) {}
