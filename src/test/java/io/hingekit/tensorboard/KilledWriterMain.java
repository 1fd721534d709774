package io.hingekit.tensorboard;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link EventFileWriterKillTest}: logs scalar {@code x} = step / 2 at steps 0, 1, 2, ...
 * without end, flushing often, and prints {@code flushed <n>} once the first n steps are surely on disk.
 */
public final class KilledWriterMain {

    static final int STEPS_BEFORE_REPORT = 2000;

    private KilledWriterMain() {}

    public static void main(String[] args) throws Exception {
        SummaryWriter writer = SummaryWriter.open(EventFileWriter.builder()
                .logDir(Path.of(args[0]))
                .flushInterval(Duration.ofMillis(5))
                .queueCapacity(64));
        for (long step = 0; ; step++) {
            writer.scalar("x", step / 2.0, step);
            if (step == STEPS_BEFORE_REPORT - 1) {
                writer.flush();
                System.out.println("flushed " + STEPS_BEFORE_REPORT);
                System.out.flush();
            }
        }
    }
}
