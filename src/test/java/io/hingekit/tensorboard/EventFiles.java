package io.hingekit.tensorboard;

import io.hingekit.tensorboard.proto.Event;
import io.hingekit.tensorboard.proto.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers that read back what the writers left. */
final class EventFiles {

    private EventFiles() {}

    static List<Event> readAll(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        try (EventFileReader reader = EventFileReader.open(file)) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        return events;
    }

    static Path onlyFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
                    .toList();
            if (all.size() != 1) {
                throw new AssertionError("expected one event file in " + dir + ", found " + all);
            }
            return all.get(0);
        }
    }

    /** The (step, value) pairs logged under a tag, in file order. */
    static List<Summary.Value> values(List<Event> events, String tag) {
        return events.stream().flatMap(e -> e.getSummary().getValueList().stream())
                .filter(v -> v.getTag().equals(tag)).toList();
    }

    static List<Long> steps(List<Event> events, String tag) {
        return events.stream()
                .filter(e -> e.getSummary().getValueList().stream().anyMatch(v -> v.getTag().equals(tag)))
                .map(Event::getStep).toList();
    }

    static float scalar(Summary.Value value) {
        return value.getTensor().getFloatVal(0);
    }
}
