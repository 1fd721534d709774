package io.hingekit.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import io.hingekit.util.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Batches of shuffled indices whose order depends only on the seed and the epoch, so a run resumed at an epoch
 * boundary sees exactly the batches an uninterrupted run would. With {@code shuffle = false} it yields the
 * indices in order (for evaluation).
 */
public final class ShuffleSampler implements Sampler, EpochAware {

    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private int epoch;

    /**
     * Creates a sampler.
     *
     * @param batchSize samples per batch (the last batch may be smaller)
     * @param shuffle whether to shuffle
     * @param seed base seed of the shuffle
     */
    public ShuffleSampler(int batchSize, boolean shuffle, long seed) {
        Checks.check(batchSize >= 1, "batch size", ">= 1", batchSize);
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    @Override
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public int getBatchSize() {
        return batchSize;
    }

    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        int n = Math.toIntExact(dataset.size());
        List<Long> order = new ArrayList<>(n);
        for (long i = 0; i < n; i++) {
            order.add(i);
        }
        if (shuffle) {
            Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        }
        List<List<Long>> batches = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            batches.add(order.subList(start, Math.min(n, start + batchSize)));
        }
        return batches.iterator();
    }
}
