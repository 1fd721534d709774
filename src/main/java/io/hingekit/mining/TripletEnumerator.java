package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import io.hingekit.loss.ResultScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lists every valid triplet, or every one whose hinge {@code d(a,p) - d(a,n) + offset} is positive, in (anchor,
 * positive, negative) lexicographic order, one chunk of anchor-positive pairs at a time. With a cap it keeps a
 * seeded uniform random subset of at most {@code maxTriplets}, chosen by rank after a counting pass, so memory stays
 * O(chunk + cap) however many triplets exist.
 */
final class TripletEnumerator {

    /** Means "no cap". */
    static final int UNLIMITED = Integer.MAX_VALUE;

    private final float offset;
    private final int maxTriplets;
    private final SplittableRandom random;
    private final long chunkElements;

    /**
     * Creates an enumerator.
     *
     * @param offset the hinge offset, or NaN to keep every valid triplet
     * @param maxTriplets the cap, or {@link #UNLIMITED}
     * @param seed seeds the subset drawn when the cap bites (advanced on each call)
     * @param chunkElements the (pairs x references) budget per chunk
     */
    TripletEnumerator(float offset, int maxTriplets, long seed, long chunkElements) {
        this.offset = offset;
        this.maxTriplets = maxTriplets;
        this.random = new SplittableRandom(seed);
        this.chunkElements = chunkElements;
    }

    Triplets enumerate(NDArray distances, NDArray queryLabels, NDArray referenceLabels) {
        try (ResultScope scope = new ResultScope()) {
            LabelMasks masks = LabelMasks.of(distances, queryLabels, referenceLabels);
            AnchorPositivePairs pairs = new AnchorPositivePairs(distances, masks, chunkElements);
            long[] counts = maxTriplets == UNLIMITED ? null : countPerChunk(pairs);
            long[] ranks = counts == null ? null : drawRanks(Arrays.stream(counts).sum());
            List<Triplets> parts = new ArrayList<>();
            long firstRank = 0;
            for (int i = 0; i < pairs.chunkCount(); i++) {
                try (ResultScope chunkScope = new ResultScope()) {
                    AnchorPositivePairs.Chunk chunk = pairs.chunk(i);
                    NDArray hits = selected(chunk).nonzero();
                    if (ranks != null) {
                        hits = pick(hits, ranks, firstRank);
                        firstRank += counts[i];
                    }
                    NDArray local = hits.get(new NDIndex().addAllDim().addIndices(0));
                    // a compact copy of the negatives column, so the part does not pin the (k, 2) hits storage
                    NDArray negatives = hits.get(new NDIndex().addAllDim().addIndices(1)).duplicate();
                    parts.add(new Triplets(chunk.anchors().take(local), chunk.positives().take(local), negatives)
                            .keptBy(chunkScope));
                }
            }
            return Triplets.concat(parts, distances.getManager()).keptBy(scope);
        }
    }

    private NDArray selected(AnchorPositivePairs.Chunk chunk) {
        return Float.isNaN(offset) ? chunk.isNegative() : chunk.positiveHinge(offset);
    }

    private long[] countPerChunk(AnchorPositivePairs pairs) {
        long[] counts = new long[pairs.chunkCount()];
        for (int i = 0; i < counts.length; i++) {
            try (NDScope chunkScope = new NDScope()) {
                chunkScope.suppressNotUsedWarning();
                counts[i] = selected(pairs.chunk(i)).countNonzero().getLong();
            }
        }
        return counts;
    }

    /** Returns the sorted ranks to keep, or null when everything fits under the cap. */
    private long[] drawRanks(long total) {
        if (total <= maxTriplets) {
            return null;
        }
        synchronized (random) {
            return RandomSubset.sortedRanks(total, maxTriplets, random);
        }
    }

    /** Keeps the rows of {@code hits} whose global rank ({@code firstRank} + row) is among {@code ranks}. */
    private static NDArray pick(NDArray hits, long[] ranks, long firstRank) {
        int from = lowerBound(ranks, firstRank);
        int to = lowerBound(ranks, firstRank + hits.getShape().get(0));
        NDArray rows = hits.getManager().create(Arrays.copyOfRange(ranks, from, to)).sub(firstRank);
        return MaskOps.rows(hits, rows);
    }

    private static int lowerBound(long[] sorted, long key) {
        int found = Arrays.binarySearch(sorted, key);
        return found >= 0 ? found : -found - 1;
    }
}
