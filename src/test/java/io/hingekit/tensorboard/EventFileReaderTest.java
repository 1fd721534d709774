package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import io.hingekit.tensorboard.proto.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {

    @TempDir
    Path dir;

    private Path file;
    private byte[] bytes;
    private List<Long> recordStarts;

    @BeforeEach
    void writeTenScalars() throws IOException {
        try (SummaryWriter writer = SummaryWriter.open(dir)) {
            for (int step = 0; step < 10; step++) {
                writer.scalar("loss", step, step);
            }
            file = writer.file();
        }
        bytes = Files.readAllBytes(file);
        recordStarts = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < bytes.length; at += (int) RecordWriter.framedLength(buffer.getLong(at))) {
            recordStarts.add((long) at);
        }
        assertEquals(11, recordStarts.size(), "file version + 10 scalars");
    }

    @Test
    void flippedDataByteIsReportedWithFileAndOffset() throws IOException {
        int start = recordStarts.get(4).intValue();
        bytes[start + RecordWriter.HEADER_BYTES + 2] ^= 0x01;
        Files.write(file, bytes);
        try (EventFileReader reader = EventFileReader.open(file)) {
            for (int i = 0; i < 4; i++) {
                assertEquals(i == 0 ? 0 : i - 1, reader.next().getStep());
            }
            CorruptRecordException e =
                    Expect.rejects(CorruptRecordException.class, reader::next, file.toString(), "offset " + start);
            assertEquals(file, e.file());
            assertEquals(start, e.offset());
            assertEquals("data checksum mismatch", e.problem());
            assertNull(reader.next(), "reading stops after a corrupt record");
        }
    }

    @Test
    void damagedLengthIsReportedAsCorrupt() throws IOException {
        int start = recordStarts.get(7).intValue();
        bytes[start] ^= 0x40;
        Files.write(file, bytes);
        try (EventFileReader reader = EventFileReader.open(file)) {
            for (int i = 0; i < 7; i++) {
                reader.next();
            }
            CorruptRecordException e = assertThrows(CorruptRecordException.class, reader::next);
            assertEquals(start, e.offset());
            assertEquals("length checksum mismatch", e.problem());
        }
    }

    @Test
    void truncatedLastRecordEndsReadingGracefully() throws IOException {
        int lastStart = recordStarts.get(10).intValue();
        for (int keep : new int[] {5, RecordWriter.HEADER_BYTES + 3, bytes.length - lastStart - 1}) {
            Files.write(file, Arrays.copyOf(bytes, lastStart + keep));
            List<Event> events = new ArrayList<>();
            try (EventFileReader reader = EventFileReader.open(file)) {
                for (Event e = reader.next(); e != null; e = reader.next()) {
                    events.add(e);
                }
                TruncatedRecord truncated = reader.truncated().orElseThrow();
                assertEquals(lastStart, truncated.offset());
                assertEquals(keep, truncated.bytesPresent());
                assertEquals(file, truncated.file());
            }
            assertEquals(10, events.size());
            assertEquals(8, events.get(9).getStep());
        }
    }

    @Test
    void intactFileReadsToTheEndWithoutProblems() throws IOException {
        try (EventFileReader reader = EventFileReader.open(file)) {
            int count = 0;
            while (reader.next() != null) {
                count++;
            }
            assertEquals(11, count);
            assertTrue(reader.truncated().isEmpty());
        }
    }
}
