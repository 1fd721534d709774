package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.tensorboard.proto.Event;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileWriterKillTest {

    @TempDir
    Path dir;

    @Test
    void everyCompleteRecordOfAKilledWriterReadsBack() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KilledWriterMain.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("flushed " + KilledWriterMain.STEPS_BEFORE_REPORT, line);
            Thread.sleep(300);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        List<Event> events = new ArrayList<>();
        try (EventFileReader reader = EventFileReader.open(EventFiles.onlyFile(dir))) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        assertEquals("brain.Event:2", events.get(0).getFileVersion());
        int scalars = events.size() - 1;
        assertTrue(scalars >= KilledWriterMain.STEPS_BEFORE_REPORT, "read " + scalars + " scalars");
        for (int step = 0; step < scalars; step++) {
            Event e = events.get(step + 1);
            assertEquals(step, e.getStep());
            assertEquals(step / 2.0f, EventFiles.scalar(e.getSummary().getValue(0)));
        }
    }
}
