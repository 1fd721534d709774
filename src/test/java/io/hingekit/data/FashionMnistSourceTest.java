package io.hingekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real Debian Fashion-MNIST files; expected values from src/test/python/fashion_mnist_pixels.py. */
@ExtendWith(NDManagerExtension.class)
class FashionMnistSourceTest {

    @TempDir
    Path cache;

    @Test
    void readsDebianFilesThroughBasicDataset(NDManager manager) throws Exception {
        assumeTrue(FashionMnistSource.hasAllFiles(FashionMnistSource.DEBIAN_DIR), "dataset-fashion-mnist absent");
        FashionMnistSource source = new FashionMnistSource(null, cache);
        LabeledData train = source.load(Dataset.Usage.TRAIN, manager);
        LabeledData test = source.load(Dataset.Usage.TEST, manager);
        assertEquals(new Shape(60000, 1, 28, 28), train.features().getShape());
        assertEquals(10000, test.size());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0}, train.labels().get("0:5").toType(
                ai.djl.ndarray.types.DataType.INT32, false).toIntArray());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6}, test.labels().get("0:5").toType(
                ai.djl.ndarray.types.DataType.INT32, false).toIntArray());
        assertEquals(0.85098039f, train.features().getFloat(0, 0, 14, 14), 1e-6);
        assertEquals(0.82352941f, train.features().getFloat(0, 0, 10, 20), 1e-6);
        assertEquals(0.43137255f, test.features().getFloat(0, 0, 14, 14), 1e-6);
        assertEquals(0.61568627f, test.features().getFloat(0, 0, 10, 20), 1e-6);
        assertEquals(10, train.numClasses());
        assertTrue(train.features().get(new NDIndex(0)).max().getFloat() <= 1f);
    }

    @Test
    void missingDirectoryNamesTheThreeWaysToProvideTheData(@TempDir Path empty, NDManager manager) {
        FashionMnistSource source = new FashionMnistSource(empty, cache);
        Expect.rejects(
                FashionMnistSource.MissingDatasetException.class,
                () -> source.load(Dataset.Usage.TRAIN, manager),
                "--data-dir", "apt-get install dataset-fashion-mnist", "DJL_OFFLINE");
    }
}
