package io.hingekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.config.DataConfig;
import io.hingekit.config.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NDManagerExtension.class)
class DatasetLoaderTest {

    @TempDir
    Path dir;

    private static DataConfig blobs(int samples, int classes, double validation) {
        return new DataConfig(DataSource.BLOBS, null, validation, null,
                new DataConfig.BlobsConfig(samples, 3, classes, 0.5), null, null);
    }

    @Test
    void validationSplitIsSeededAndDisjointFromTraining(NDManager manager) throws Exception {
        DatasetLoader loader = new DatasetLoader(dir);
        DataSplits a = loader.load(blobs(200, 2, 0.25), null, 11, manager);
        DataSplits b = loader.load(blobs(200, 2, 0.25), null, 11, manager);
        DataSplits c = loader.load(blobs(200, 2, 0.25), null, 12, manager);
        assertEquals(150, a.train().size());
        assertEquals(50, a.validation().size());
        assertEquals(50, a.test().size());
        assertArrayEquals(a.validation().features().toFloatArray(), b.validation().features().toFloatArray());
        assertNotEquals(Arrays.toString(a.validation().features().toFloatArray()),
                Arrays.toString(c.validation().features().toFloatArray()));
        Set<Float> trainFirstFeature = new HashSet<>();
        float[] train = a.train().features().toFloatArray();
        for (int i = 0; i < train.length; i += 3) {
            trainFirstFeature.add(train[i]);
        }
        float[] validation = a.validation().features().toFloatArray();
        for (int i = 0; i < validation.length; i += 3) {
            assertTrue(!trainFirstFeature.contains(validation[i]), "validation row also in training");
        }
    }

    @Test
    void blobsAreDeterministicAndLabelled(NDManager manager) {
        LabeledData a = new BlobsSource(2, 3, 1.0, 5).generate(9, 0, manager);
        LabeledData b = new BlobsSource(2, 3, 1.0, 5).generate(9, 0, manager);
        assertArrayEquals(a.features().toFloatArray(), b.features().toFloatArray());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, a.labelArray());
    }

    @Test
    void csvMapsLabelsToSortedClassesAcrossFiles(NDManager manager) throws Exception {
        Path train = Files.writeString(dir.resolve("train.csv"), "x1,species,x2\n1.5,b,2\n3,a,4\n5,c,6\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "x1,species,x2\n7,c,8\n");
        var splits = new CsvSource("species").load(java.util.List.of(train, test), manager);
        assertEquals(java.util.List.of("a", "b", "c"), splits.get(0).classNames());
        assertArrayEquals(new int[] {1, 0, 2}, splits.get(0).labelArray());
        assertArrayEquals(new float[] {1.5f, 2, 3, 4, 5, 6}, splits.get(0).features().toFloatArray());
        assertArrayEquals(new int[] {2}, splits.get(1).labelArray());
    }

    @Test
    void csvRejectsNonFiniteAndNonNumericCells(NDManager manager) throws Exception {
        Path nan = Files.writeString(dir.resolve("nan.csv"), "a,label\n1,0\nNaN,1\n");
        Path text = Files.writeString(dir.resolve("text.csv"), "a,label\n1,0\nabc,1\n");
        Path noLabel = Files.writeString(dir.resolve("nolabel.csv"), "a,b\n1,0\n");
        CsvSource source = new CsvSource("label");
        Expect.rejects(IllegalArgumentException.class,
                () -> source.load(java.util.List.of(nan), manager), "line 3", "NaN");
        Expect.rejects(IllegalArgumentException.class,
                () -> source.load(java.util.List.of(text), manager), "not a number");
        Expect.rejects(IllegalArgumentException.class,
                () -> source.load(java.util.List.of(noLabel), manager), "no column named 'label'");
    }

    @Test
    void nonFiniteFeaturesAreRejectedWhenLoaded(NDManager manager) {
        float[] x = {0, 1, 2, Float.POSITIVE_INFINITY, 4, 5};
        Expect.rejects(IllegalArgumentException.class, () -> new LabeledData(
                manager.create(x, new ai.djl.ndarray.types.Shape(3, 2)), manager.create(new float[] {0, 1, 0}),
                java.util.List.of("a", "b")), "row 1");
    }

    @Test
    void shuffleSamplerOrderDependsOnlyOnSeedAndEpoch(NDManager manager) {
        LabeledData data = new BlobsSource(2, 2, 1.0, 1).generate(10, 0, manager);
        ShuffleSampler s1 = new ShuffleSampler(4, true, 3);
        ShuffleSampler s2 = new ShuffleSampler(4, true, 3);
        s1.setEpoch(2);
        s2.setEpoch(2);
        var ds = data.toDataset(s1);
        var first = new java.util.ArrayList<java.util.List<Long>>();
        s1.sample(ds).forEachRemaining(first::add);
        var second = new java.util.ArrayList<java.util.List<Long>>();
        s2.sample(ds).forEachRemaining(second::add);
        assertEquals(first, second);
        assertEquals(3, first.size());
        Set<Long> all = new HashSet<>();
        first.forEach(all::addAll);
        assertEquals(10, all.size());
        s2.setEpoch(3);
        var third = new java.util.ArrayList<java.util.List<Long>>();
        s2.sample(ds).forEachRemaining(third::add);
        assertNotEquals(first, third);
    }
}
