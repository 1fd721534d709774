package io.hingekit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hingekit.files.NpyHeader;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

    @TempDir
    Path tmp;

    /** Builds a version 1.0 header by hand: magic, version, length 118, dict padded with spaces to 128 bytes. */
    private static ByteBuffer header(ByteBuffer buffer, String dict) {
        String padded = dict + " ".repeat(117 - dict.length()) + "\n";
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        return buffer.put(padded.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void writesNumpyFormatOneByteForByteWithFinalCount() throws Exception {
        Path out = tmp.resolve("npy");
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.NPY, out);

        ByteBuffer vectors = ByteBuffer.allocate(128 + 6 * 4).order(ByteOrder.LITTLE_ENDIAN);
        header(vectors, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }");
        vectors.putFloat(1.5f).putFloat(-2f).putFloat(0.25f).putFloat(3e-3f).putFloat(-1e-7f).putFloat(12345.678f);
        assertArrayEquals(vectors.array(), Files.readAllBytes(out.resolve("vectors.npy")));

        ByteBuffer ids = ByteBuffer.allocate(128 + 3 * 8).order(ByteOrder.LITTLE_ENDIAN);
        header(ids, "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }");
        ids.putLong(10).putLong(11).putLong(1L << 40);
        assertArrayEquals(ids.array(), Files.readAllBytes(out.resolve("ids.npy")));

        ByteBuffer labels = ByteBuffer.allocate(128 + 3 * 4).order(ByteOrder.LITTLE_ENDIAN);
        header(labels, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }");
        labels.putInt(0).putInt(7).putInt(2);
        assertArrayEquals(labels.array(), Files.readAllBytes(out.resolve("labels.npy")));
    }

    @Test
    void headerLeavesRoomForTheLargestShape() {
        byte[] header = NpyHeader.encode("<f4", Long.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals(128, header.length);
        assertEquals('\n', header[127]);
    }

    @Test
    void readsAHeaderWrittenByNumpy() throws Exception {
        // Written by numpy 1.24's np.save (src/test/python/make_query_vectors.py): shape (1, 4), float64.
        byte[] numpy = Files.readAllBytes(Path.of("src/test/resources/io/hingekit/export/query_f8_row.npy"));
        NpyHeader header = NpyHeader.read(new ByteArrayInputStream(numpy));
        assertEquals("<f8", header.descr());
        assertArrayEquals(new long[] {1, 4}, header.shape());
        assertEquals(128, header.length());
    }
}
