package io.hingekit.mining;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Uniform random subsets of index ranges, for capping the number of mined triplets. */
final class RandomSubset {

    private RandomSubset() {}

    /**
     * Draws {@code count} distinct ranks from [0, population) uniformly (Floyd's algorithm: exactly {@code count}
     * draws) and returns them sorted.
     *
     * @param population the range size
     * @param count how many to draw, at most {@code population}
     * @param random the generator
     * @return sorted distinct ranks
     */
    static long[] sortedRanks(long population, int count, SplittableRandom random) {
        Set<Long> chosen = new HashSet<>(Math.max(16, count * 2));
        for (long j = population - count; j < population; j++) {
            long candidate = random.nextLong(j + 1);
            chosen.add(chosen.contains(candidate) ? j : candidate);
        }
        long[] ranks = chosen.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(ranks);
        return ranks;
    }
}
