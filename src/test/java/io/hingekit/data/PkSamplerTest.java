package io.hingekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class PkSamplerTest {

    /** Labels with the given class sizes, classes interleaved so that indices of a class are not contiguous. */
    private static int[] labels(int... classSizes) {
        List<Integer> out = new ArrayList<>();
        int round = 0;
        boolean added = true;
        while (added) {
            added = false;
            for (int c = 0; c < classSizes.length; c++) {
                if (round < classSizes[c]) {
                    out.add(c);
                    added = true;
                }
            }
            round++;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static PkSampler sampler(int[] labels, int p, int k, long seed) {
        return PkSampler.builder().labels(labels).classesPerBatch(p).samplesPerClass(k).seed(seed).build();
    }

    private static Map<Long, Integer> occurrences(List<List<Long>> batches) {
        Map<Long, Integer> counts = new HashMap<>();
        batches.forEach(batch -> batch.forEach(index -> counts.merge(index, 1, Integer::sum)));
        return counts;
    }

    @Test
    void everyBatchHasKSamplesOfPDistinctClasses() {
        int[] labels = labels(9, 4, 7, 2, 12, 5, 8);
        PkSampler sampler = sampler(labels, 3, 4, 1);
        List<List<Long>> batches = sampler.batches(0);
        // 14 groups of 4 (3+1+2+1+3+2+2): at most 4 batches of 3 groups
        assertTrue(batches.size() >= 3 && batches.size() <= 4, "batches: " + batches.size());
        for (List<Long> batch : batches) {
            assertEquals(12, batch.size());
            Map<Integer, Integer> perClass = new HashMap<>();
            batch.forEach(index -> perClass.merge(labels[index.intValue()], 1, Integer::sum));
            assertEquals(3, perClass.size(), "distinct classes in " + batch);
            perClass.values().forEach(count -> assertEquals(4, count));
        }
    }

    @Test
    void classSizesThatAreMultiplesOfKGiveNoRepeatWithinAnEpoch() {
        int[] labels = labels(8, 4, 12, 8, 4, 8);
        for (long seed = 0; seed < 5; seed++) {
            occurrences(sampler(labels, 3, 4, seed).batches(0))
                    .forEach((index, count) -> assertEquals(1, count, "index " + index));
        }
    }

    @Test
    void oneClassPerBatchUsesEverySampleAndRepeatsOnlyToFillGroups() {
        int[] labels = labels(7, 2, 4);
        List<List<Long>> batches = sampler(labels, 1, 3, 9).batches(0);
        Map<Long, Integer> counts = occurrences(batches);
        assertEquals(labels.length, counts.size(), "every sample appears");
        // class 0: 7 samples -> 3 groups of 3, 2 top-ups; class 1: 2 samples -> 1 group, 1 top-up; class 2: 2 groups
        assertEquals(9 + 3 + 6, batches.stream().mapToInt(List::size).sum());
        Map<Integer, Integer> repeats = new HashMap<>();
        counts.forEach((index, count) -> repeats.merge(labels[index.intValue()], count - 1, Integer::sum));
        assertEquals(2, repeats.get(0));
        assertEquals(1, repeats.get(1));
        assertEquals(2, repeats.get(2), "4 samples, K = 3: the second group is topped up with 2 earlier samples");
        counts.forEach((index, count) -> assertTrue(count <= 2, "index " + index + " appears " + count + " times"));
    }

    @Test
    void smallClassesAreFilledWithReplacementFromThemselves() {
        int[] labels = labels(1, 2, 6);
        List<List<Long>> batches = sampler(labels, 3, 4, 5).batches(0);
        assertEquals(1, batches.size());
        long singletonIndex = 0;
        assertEquals(4, batches.get(0).stream().filter(i -> i == singletonIndex).count());
    }

    @Test
    void orderIsAFunctionOfSeedAndEpoch() {
        int[] labels = labels(6, 6, 6, 6, 6);
        PkSampler first = sampler(labels, 2, 3, 42);
        PkSampler second = sampler(labels, 2, 3, 42);
        assertEquals(first.batches(3), second.batches(3));
        assertNotEquals(first.batches(0), first.batches(1));
        assertNotEquals(first.batches(0), sampler(labels, 2, 3, 43).batches(0));
    }

    @Test
    void sampleAdvancesTheEpochAndSetEpochReplaysIt(NDManager manager) {
        int[] labels = labels(6, 6, 6, 6);
        PkSampler sampler = sampler(labels, 2, 3, 7);
        ArrayDataset dataset = new ArrayDataset.Builder()
                .setData(manager.zeros(new Shape(labels.length, 1)))
                .setSampling(sampler)
                .build();
        List<List<Long>> epoch0 = drain(sampler.sample(dataset));
        List<List<Long>> epoch1 = drain(sampler.sample(dataset));
        assertEquals(2, sampler.getEpoch());
        assertEquals(sampler.batches(0), epoch0);
        assertEquals(sampler.batches(1), epoch1);
        sampler.setEpoch(1);
        assertEquals(epoch1, drain(sampler.sample(dataset)), "a resumed run reproduces epoch 1");
        ArrayDataset wrongSize = new ArrayDataset.Builder()
                .setData(manager.zeros(new Shape(3, 1))).setSampling(1, false).build();
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(wrongSize));
    }

    @Test
    void builderRejectsImpossibleSettings() {
        Expect.rejects(IllegalArgumentException.class, () -> sampler(labels(3, 3), 3, 2, 0), "classesPerBatch");
        assertThrows(IllegalArgumentException.class, () -> sampler(labels(3, 3), 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PkSampler.builder().classesPerBatch(1).build());
        assertEquals(8, sampler(labels(4, 4), 2, 4, 0).getBatchSize());
    }

    private static List<List<Long>> drain(Iterator<List<Long>> iterator) {
        List<List<Long>> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }
}
