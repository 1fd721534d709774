package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordWriterTest {

    @TempDir
    Path dir;

    /** Bytes printed by src/test/python/crc32c_masked_vectors.py for the record b"hello". */
    @Test
    void framingMatchesPythonReference() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RecordWriter(out).write("hello".getBytes(StandardCharsets.US_ASCII));
        assertEquals("0500000000000000eab2043e68656c6c6fbb1f1c19", HexFormat.of().formatHex(out.toByteArray()));
    }

    @Test
    void recordsRoundTripWithTheirChecksums() throws IOException {
        Random random = new Random(3);
        List<byte[]> written = new ArrayList<>();
        Path file = dir.resolve("records");
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordWriter writer = new RecordWriter(out);
            for (int length : new int[] {0, 1, 12, 1000, 70_000, 5}) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                writer.write(data);
                written.add(data);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int position = 0;
        for (byte[] data : written) {
            assertEquals(data.length, buffer.getLong(position));
            assertEquals(MaskedCrc32c.of(bytes, position, 8), buffer.getInt(position + 8));
            assertEquals(MaskedCrc32c.of(data, 0, data.length), buffer.getInt(position + 12 + data.length));
            position += (int) RecordWriter.framedLength(data.length);
        }
        assertEquals(bytes.length, position);
        try (RecordReader reader = RecordReader.open(file)) {
            for (byte[] data : written) {
                assertArrayEquals(data, reader.next());
            }
            assertNull(reader.next());
            assertTrue(reader.truncated().isEmpty());
            assertEquals(bytes.length, reader.offset());
        }
    }
}
