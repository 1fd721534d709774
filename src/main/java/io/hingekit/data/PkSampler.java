package io.hingekit.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import io.hingekit.util.Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Batches of P classes x K samples each, for triplet mining: every batch holds K samples of each of P distinct
 * classes, so every sample has positives and negatives.
 *
 * <p>Per epoch, each class's samples are shuffled and cut into groups of K; the last, partial group is topped up
 * with other samples of the same class (drawn without replacement from the rest of the class when it has at least K
 * samples, with replacement when it has fewer than K). So every sample appears at least once per epoch and repeats
 * only to fill groups. Batches then take one group from each of P distinct classes, chosen at random with weights
 * proportional to their remaining groups; the epoch ends when fewer than P classes have groups left (those few
 * groups are dropped for this epoch). The order depends only on the seed and the epoch: {@link #sample} uses the
 * current epoch and then advances it, {@link #setEpoch} repositions it so a resumed run reproduces its data order.
 */
public final class PkSampler implements Sampler, EpochAware {

    private final int classesPerBatch;
    private final int samplesPerClass;
    private final long seed;
    private final int sampleCount;
    private final List<long[]> classMembers;
    private int epoch;

    private PkSampler(Builder builder) {
        this.classesPerBatch = builder.classesPerBatch;
        this.samplesPerClass = builder.samplesPerClass;
        this.seed = builder.seed;
        this.sampleCount = builder.labels.length;
        this.classMembers = groupByClass(builder.labels);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the batches of the current epoch, then advances the epoch by one.
     *
     * @param dataset the dataset the labels describe (its size must equal the number of labels)
     * @return the batches, each a list of P x K dataset indices
     */
    @Override
    public synchronized Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        if (dataset.size() != sampleCount) {
            throw new IllegalArgumentException("dataset has " + dataset.size()
                    + " samples but the sampler was built from " + sampleCount + " labels");
        }
        return batches(epoch++).iterator();
    }

    @Override
    public int getBatchSize() {
        return classesPerBatch * samplesPerClass;
    }

    @Override
    public synchronized void setEpoch(int epoch) {
        Checks.nonNegative("epoch", epoch);
        this.epoch = epoch;
    }

    /**
     * Returns the epoch the next {@link #sample} call uses.
     *
     * @return the epoch
     */
    public synchronized int getEpoch() {
        return epoch;
    }

    /**
     * Returns the batches of an epoch without changing the current epoch; a pure function of seed and epoch.
     *
     * @param epoch the epoch
     * @return the batches, each a list of P x K dataset indices, class by class
     */
    public List<List<Long>> batches(int epoch) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
        List<Deque<long[]>> groups = new ArrayList<>();
        for (long[] members : classMembers) {
            groups.add(groupsOf(members, random));
        }
        List<List<Long>> batches = new ArrayList<>();
        while (classesWithGroups(groups) >= classesPerBatch) {
            List<Long> batch = new ArrayList<>(getBatchSize());
            for (int c : pickClasses(groups, random)) {
                for (long index : groups.get(c).removeFirst()) {
                    batch.add(index);
                }
            }
            batches.add(Collections.unmodifiableList(batch));
        }
        return batches;
    }

    private Deque<long[]> groupsOf(long[] members, SplittableRandom random) {
        long[] shuffled = members.clone();
        shuffle(shuffled, random);
        Deque<long[]> groups = new ArrayDeque<>();
        for (int start = 0; start < shuffled.length; start += samplesPerClass) {
            long[] group = Arrays.copyOfRange(shuffled, start, start + samplesPerClass);
            int filled = Math.min(samplesPerClass, shuffled.length - start);
            topUp(group, filled, shuffled, start, random);
            groups.add(group);
        }
        return groups;
    }

    /** Fills group[filled..K) with other members of the class: without replacement if enough, else with. */
    private void topUp(long[] group, int filled, long[] shuffled, int start, SplittableRandom random) {
        if (filled == samplesPerClass) {
            return;
        }
        if (shuffled.length >= samplesPerClass) {
            long[] others = Arrays.copyOfRange(shuffled, 0, start);
            shuffle(others, random);
            System.arraycopy(others, 0, group, filled, samplesPerClass - filled);
        } else {
            for (int i = filled; i < samplesPerClass; i++) {
                group[i] = shuffled[random.nextInt(shuffled.length)];
            }
        }
    }

    /** Chooses P distinct classes with groups left, weighted by their remaining groups (Efraimidis-Spirakis keys). */
    private int[] pickClasses(List<Deque<long[]>> groups, SplittableRandom random) {
        List<double[]> keyed = new ArrayList<>();
        for (int c = 0; c < groups.size(); c++) {
            int left = groups.get(c).size();
            if (left > 0) {
                keyed.add(new double[] {Math.log(random.nextDouble()) / left, c});
            }
        }
        keyed.sort((a, b) -> Double.compare(b[0], a[0]));
        int[] chosen = new int[classesPerBatch];
        for (int i = 0; i < classesPerBatch; i++) {
            chosen[i] = (int) keyed.get(i)[1];
        }
        return chosen;
    }

    private static int classesWithGroups(List<Deque<long[]>> groups) {
        int count = 0;
        for (Deque<long[]> classGroups : groups) {
            count += classGroups.isEmpty() ? 0 : 1;
        }
        return count;
    }

    private static void shuffle(long[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** Member indices per class, classes in order of first appearance, members ascending. */
    private static List<long[]> groupByClass(int[] labels) {
        Map<Integer, List<Long>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add((long) i);
        }
        List<long[]> out = new ArrayList<>();
        for (List<Long> members : byClass.values()) {
            out.add(members.stream().mapToLong(Long::longValue).toArray());
        }
        return out;
    }

    /** Builds a {@link PkSampler}. */
    public static final class Builder {

        private int[] labels;
        private int classesPerBatch;
        private int samplesPerClass;
        private long seed;

        private Builder() {}

        /**
         * Sets the class id of every dataset sample, in dataset order.
         *
         * @param labels one class id per sample
         * @return this builder
         */
        public Builder labels(int[] labels) {
            this.labels = labels == null ? null : labels.clone();
            return this;
        }

        /**
         * Sets P, the number of distinct classes per batch.
         *
         * @param classesPerBatch &gt;= 1, at most the number of classes
         * @return this builder
         */
        public Builder classesPerBatch(int classesPerBatch) {
            this.classesPerBatch = classesPerBatch;
            return this;
        }

        /**
         * Sets K, the number of samples of each class per batch.
         *
         * @param samplesPerClass &gt;= 1 (&gt;= 2 for every sample to have a positive)
         * @return this builder
         */
        public Builder samplesPerClass(int samplesPerClass) {
            this.samplesPerClass = samplesPerClass;
            return this;
        }

        /**
         * Sets the seed of the data order.
         *
         * @param seed any value (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the sampler.
         *
         * @return the sampler
         * @throws IllegalArgumentException if labels are missing or P, K are out of range
         */
        public PkSampler build() {
            if (labels == null || labels.length == 0) {
                throw new IllegalArgumentException("labels must be set and non-empty");
            }
            Checks.check(samplesPerClass >= 1, "samplesPerClass", ">= 1", samplesPerClass);
            long classes = Arrays.stream(labels).distinct().count();
            Checks.check(classesPerBatch >= 1 && classesPerBatch <= classes, "classesPerBatch",
                    "in [1, " + classes + "] (the number of classes in labels)", classesPerBatch);
            return new PkSampler(this);
        }
    }
}
