package io.hingekit.drift;

/**
 * Population stability index of a current sample against a reference, with the bins it was computed on.
 *
 * <p>Bin {@code k} covers {@code (boundaries[k-1], boundaries[k]]}, with {@code -inf} before the first boundary and
 * {@code +inf} after the last, so there are {@code boundaries.length + 1} bins. The proportions are the raw
 * fractions of each sample per bin, before the floor is applied. The arrays are owned by the caller.
 *
 * @param value the index, {@code sum (c - r) * ln(c / r)} over bins with both proportions floored
 * @param boundaries the distinct inner bin edges, increasing
 * @param referenceProportions fraction of the reference sample in each bin
 * @param currentProportions fraction of the current sample in each bin
 */
public record PsiResult(
        double value, double[] boundaries, double[] referenceProportions, double[] currentProportions) {}
