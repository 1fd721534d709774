package io.hingekit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hingekit.Expect;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryVectorsTest {

    private static final Path RESOURCES = Path.of("src/test/resources/io/hingekit/export");
    private static final float[] EXPECTED = {0.5f, -1.25f, 3f, 2f};

    @TempDir
    Path tmp;

    @Test
    void readsTextSeparatedByWhitespaceAndCommas() throws Exception {
        Path file = Files.writeString(tmp.resolve("q.txt"), " 0.5, -1.25\n3e0\t2 \n");
        assertArrayEquals(EXPECTED, QueryVectors.read(file));
    }

    @Test
    void readsNumpyFilesWrittenByNumpy() throws Exception {
        assertArrayEquals(EXPECTED, QueryVectors.read(RESOURCES.resolve("query_f4.npy")));
        assertArrayEquals(EXPECTED, QueryVectors.read(RESOURCES.resolve("query_f8_row.npy")));
        Expect.rejects(IllegalArgumentException.class,
                () -> QueryVectors.read(RESOURCES.resolve("query_matrix.npy")), "shape [2, 4]");
    }

    @Test
    void readsOneFvecsVector() throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(4).putFloat(0.5f).putFloat(-1.25f).putFloat(3f).putFloat(2f);
        Path file = Files.write(tmp.resolve("q.fvecs"), bytes.array());
        assertArrayEquals(EXPECTED, QueryVectors.read(file));

        Path two = Files.write(tmp.resolve("two.fvecs"), concat(bytes.array(), bytes.array()));
        assertThrows(IllegalArgumentException.class, () -> QueryVectors.read(two));
    }

    @Test
    void badTokenIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.txt"), "1, 2, x3");
        Expect.rejects(IllegalArgumentException.class, () -> QueryVectors.read(file),
                "'x3' at position 2 is not a number");
        Path empty = Files.writeString(tmp.resolve("empty.txt"), " \n");
        assertThrows(IllegalArgumentException.class, () -> QueryVectors.read(empty));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
