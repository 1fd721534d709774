package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import io.hingekit.tensorboard.proto.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileWriterTest {

    private static final Pattern NAME = Pattern.compile("events\\.out\\.tfevents\\.(\\d{10})\\.(.+)\\.(\\d+)\\.(\\d+)");

    @TempDir
    Path dir;

    @Test
    void fileIsNamedAndStartsWithTheFileVersion() throws IOException {
        long before = Instant.now().getEpochSecond();
        Path file;
        try (EventFileWriter writer = EventFileWriter.builder().logDir(dir.resolve("run")).build()) {
            file = writer.file();
        }
        long after = Instant.now().getEpochSecond();
        Matcher name = NAME.matcher(file.getFileName().toString());
        assertTrue(name.matches(), file.getFileName().toString());
        long seconds = Long.parseLong(name.group(1));
        assertTrue(seconds >= before && seconds <= after);
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(name.group(3)));
        assertEquals(dir.resolve("run"), file.getParent());
        List<Event> events = EventFiles.readAll(file);
        assertEquals(1, events.size());
        assertEquals("brain.Event:2", events.get(0).getFileVersion());
        assertEquals("hingekit", events.get(0).getSourceMetadata().getWriter());
        assertTrue(events.get(0).getWallTime() >= before);
    }

    @Test
    void twoWritersInOneSecondGetDistinctFiles() throws IOException {
        try (EventFileWriter a = EventFileWriter.builder().logDir(dir).build();
                EventFileWriter b = EventFileWriter.builder().logDir(dir).build()) {
            assertTrue(!a.file().equals(b.file()));
        }
    }

    @Test
    void flushMakesQueuedEventsReadable() throws IOException {
        try (EventFileWriter writer =
                EventFileWriter.builder().logDir(dir).flushInterval(Duration.ofHours(1)).build()) {
            for (int step = 0; step < 100; step++) {
                writer.add(Event.newBuilder().setStep(step).build());
            }
            writer.flush();
            assertEquals(101, EventFiles.readAll(writer.file()).size());
        }
    }

    @Test
    void periodicFlushWritesWithoutBeingAsked() throws Exception {
        try (EventFileWriter writer =
                EventFileWriter.builder().logDir(dir).flushInterval(Duration.ofMillis(50)).build()) {
            writer.add(Event.newBuilder().setStep(1).build());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (EventFiles.readAll(writer.file()).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(2, EventFiles.readAll(writer.file()).size());
        }
    }

    @Test
    void closeDrainsATinyQueueAndIgnoresASecondClose() throws IOException {
        EventFileWriter writer = EventFileWriter.builder().logDir(dir).queueCapacity(1).build();
        for (int step = 0; step < 5000; step++) {
            writer.add(Event.newBuilder().setStep(step).build());
        }
        writer.close();
        writer.close();
        List<Event> events = EventFiles.readAll(writer.file());
        assertEquals(5001, events.size());
        assertEquals(4999, events.get(5000).getStep());
        assertThrows(IllegalStateException.class, () -> writer.add(Event.getDefaultInstance()));
    }

    @Test
    void builderRejectsBadSettings() {
        Expect.rejects(IllegalArgumentException.class,
                () -> EventFileWriter.builder().logDir(dir).queueCapacity(0).build(), "queueCapacity", "0");
        Expect.rejects(IllegalArgumentException.class,
                () -> EventFileWriter.builder().logDir(dir).flushInterval(Duration.ZERO).build(), "flushInterval");
        assertThrows(IllegalArgumentException.class, () -> EventFileWriter.builder().build());
    }
}
