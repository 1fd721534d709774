package io.hingekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the real Debian Fashion-MNIST files (expected values from src/test/python/fashion_mnist_pixels.py), and
 * small fake IDX files written here for the checks of damaged files and of the cache.
 */
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

    /** Writes a fake Fashion-MNIST: {@code train} and {@code test} images whose pixels and labels encode the index. */
    private static void writeFakeDataset(Path dir, int train, int test, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        writeIdx(dir, "train-images-idx3-ubyte", images(train), gzip);
        writeIdx(dir, "train-labels-idx1-ubyte", labels(train), gzip);
        writeIdx(dir, "t10k-images-idx3-ubyte", images(test), gzip);
        writeIdx(dir, "t10k-labels-idx1-ubyte", labels(test), gzip);
    }

    private static byte[] images(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * 784);
        buffer.putInt(2051).putInt(count).putInt(28).putInt(28);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 784; p++) {
                buffer.put((byte) (i * 10 + p % 7));
            }
        }
        return buffer.array();
    }

    private static byte[] labels(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count);
        buffer.putInt(2049).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (i % 10));
        }
        return buffer.array();
    }

    private static Path writeIdx(Path dir, String name, byte[] bytes, boolean gzip) throws IOException {
        if (!gzip) {
            return Files.write(dir.resolve(name), bytes);
        }
        Path file = dir.resolve(name + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
        return file;
    }

    private static int[] labelsOf(LabeledData data) {
        return data.labels().toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
    }

    @Test
    void readsSmallIdxFilesGzippedOrNot(@TempDir Path data) throws Exception {
        for (boolean gzip : new boolean[] {true, false}) {
            Path dir = data.resolve(gzip ? "gz" : "raw");
            writeFakeDataset(dir, 12, 5, gzip);
            try (NDManager manager = NDManager.newBaseManager()) {
                FashionMnistSource source = new FashionMnistSource(dir, cache);
                LabeledData train = source.load(Dataset.Usage.TRAIN, manager);
                assertEquals(new Shape(12, 1, 28, 28), train.features().getShape());
                assertArrayEquals(new int[] {0, 1, 2, 3, 4}, labelsOf(source.load(Dataset.Usage.TEST, manager)));
                assertEquals(20 / 255f, train.features().getFloat(2, 0, 0, 0), 1e-6);
            }
        }
    }

    static Stream<Arguments> damagedFiles() {
        byte[] testLabels = labels(5);
        byte[] badMagic = labels(5);
        badMagic[3] = 0x02;
        byte[] badLabel = labels(5);
        badLabel[10] = 12;
        byte[] wideImages = images(5);
        wideImages[11] = 32;
        return Stream.of(
                Arguments.of("t10k-labels-idx1-ubyte", Arrays.copyOf(testLabels, 10),
                        "t10k-labels-idx1-ubyte is cut short: its header announces 5 labels (13 bytes), it holds 10"),
                Arguments.of("t10k-labels-idx1-ubyte", Arrays.copyOf(testLabels, 6), "t10k-labels-idx1-ubyte is cut "
                        + "short: 6 bytes, less than its 8-byte IDX header"),
                Arguments.of("t10k-labels-idx1-ubyte", badMagic,
                        "t10k-labels-idx1-ubyte is not an IDX labels file: magic number 2050, expected 2049"),
                Arguments.of("t10k-labels-idx1-ubyte", badLabel,
                        "t10k-labels-idx1-ubyte: label 2 is 12, not a class 0..9"),
                Arguments.of("t10k-labels-idx1-ubyte", labels(4),
                        "t10k-images-idx3-ubyte holds 5 images but {dir}/t10k-labels-idx1-ubyte holds 4 labels"),
                Arguments.of("t10k-images-idx3-ubyte", Arrays.copyOf(images(5), 16 + 784 * 4), "t10k-images-idx3-ubyte "
                        + "is cut short: its header announces 5 images (3936 bytes), it holds 3152"),
                Arguments.of("t10k-images-idx3-ubyte", wideImages,
                        "t10k-images-idx3-ubyte holds 32x28 images; Fashion-MNIST images are 28x28"));
    }

    @ParameterizedTest
    @MethodSource("damagedFiles")
    void damagedIdxFilesAreRefusedNamingTheFileBeforeDjlReadsThem(String file, byte[] bytes, String message,
            @TempDir Path data) throws Exception {
        writeFakeDataset(data, 12, 5, false);
        Files.write(data.resolve(file), bytes);
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnistSource source = new FashionMnistSource(data, cache);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> source.load(Dataset.Usage.TRAIN, manager));
            String expected = data + "/" + message.replace("{dir}", data.toString());
            assertTrue(e.getMessage().startsWith(expected), "expected " + expected + "\ngot " + e.getMessage());
        }
        assertEquals(List.of(), repositoryEntries(), "nothing is cached");
    }

    @Test
    void aTruncatedGzipFileIsNamed(@TempDir Path data) throws Exception {
        writeFakeDataset(data, 12, 5, true);
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length / 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FashionMnistSource(data, cache).load(Dataset.Usage.TRAIN, manager));
            assertTrue(e.getMessage().startsWith(images + " is cut short or not a valid gzip file"), e.getMessage());
        }
    }

    @Test
    void aReplacedFileIsReadAgainNotShadowedByTheCache(@TempDir Path data) throws Exception {
        writeFakeDataset(data, 12, 5, false);
        Path testLabels = data.resolve("t10k-labels-idx1-ubyte");
        try (NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(new int[] {0, 1, 2, 3, 4},
                    labelsOf(new FashionMnistSource(data, cache).load(Dataset.Usage.TEST, manager)));
            byte[] relabelled = labels(5);
            relabelled[8] = 9;
            Files.write(testLabels, relabelled);
            Files.setLastModifiedTime(testLabels, FileTime.fromMillis(
                    Files.getLastModifiedTime(testLabels).toMillis() + 5000));
            assertArrayEquals(new int[] {9, 1, 2, 3, 4},
                    labelsOf(new FashionMnistSource(data, cache).load(Dataset.Usage.TEST, manager)));
        }
    }

    @Test
    void theTemporaryDirectoriesOfFailedOrKilledCacheBuildsAreRemovedOnTheNextStart(@TempDir Path data)
            throws Exception {
        writeFakeDataset(data, 12, 5, false);
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").start();
        gone.waitFor();
        Path killed = Files.createDirectories(cache.resolve("fashion-mnist-repo.tmp-" + gone.pid() + "-123/dataset"));
        Files.write(killed.resolve("partial"), new byte[1000]);
        Path legacy = Files.createDirectories(cache.resolve("fashion-mnist-repo4711081512"));
        Path running = Files.createDirectories(cache.resolve("fashion-mnist-repo.tmp-"
                + ProcessHandle.current().pid() + "-456"));
        try (NDManager manager = NDManager.newBaseManager()) {
            new FashionMnistSource(data, cache).load(Dataset.Usage.TRAIN, manager);
        }
        assertFalse(Files.exists(killed.getParent()), "a dead process's build");
        assertFalse(Files.exists(legacy), "an earlier version's build");
        assertTrue(Files.exists(running), "a live process's build stays");
        assertEquals(1, repositoryEntries().stream().filter(n -> !n.contains(".tmp-")).count(), repositoryEntries()
                .toString());
    }

    private List<String> repositoryEntries() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
