package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import io.hingekit.util.Checks;

/**
 * Mines every hard triplet, one whose negative is strictly closer than its positive: {@code d(a,n) < d(a,p)}
 * (PML's {@code type_of_triplets="hard"} uses {@code <=}). Enumerated in chunks like {@link BatchAllMiner}, with an
 * optional seeded cap.
 */
public final class HardMiner implements Miner {

    private final TripletEnumerator enumerator;

    /** Creates an uncapped miner. */
    public HardMiner() {
        this(TripletEnumerator.UNLIMITED, 0L);
    }

    /**
     * Creates a capped miner.
     *
     * @param maxTriplets beyond this many hard triplets a uniform random subset of this size is kept; &gt; 0
     * @param seed seeds the subset (the generator advances on each call)
     */
    public HardMiner(int maxTriplets, long seed) {
        Checks.positive("maxTriplets", maxTriplets);
        this.enumerator = new TripletEnumerator(0f, maxTriplets, seed, AnchorPositivePairs.DEFAULT_CHUNK_ELEMENTS);
    }

    @Override
    public Triplets mine(NDArray distances, NDArray queryLabels, NDArray referenceLabels) {
        return enumerator.enumerate(distances, queryLabels, referenceLabels);
    }
}
