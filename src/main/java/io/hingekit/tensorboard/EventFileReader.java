package io.hingekit.tensorboard;

import com.google.protobuf.InvalidProtocolBufferException;
import io.hingekit.tensorboard.proto.Event;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the {@link Event}s of one TensorBoard event file, record by record, with checksums checked.
 *
 * <p>Corrupt records raise {@link CorruptRecordException} (file and byte offset); an incomplete last record ends
 * the reading quietly and is reported by {@link #truncated()}.
 */
public final class EventFileReader implements Closeable {

    private final RecordReader records;

    private EventFileReader(RecordReader records) {
        this.records = records;
    }

    /**
     * Opens an event file.
     *
     * @param file the event file
     * @return the reader, at the first event
     * @throws IOException if the file cannot be opened
     */
    public static EventFileReader open(Path file) throws IOException {
        return new EventFileReader(RecordReader.open(file));
    }

    /**
     * Reads the next event.
     *
     * @return the event, or null when no complete record is left
     * @throws CorruptRecordException if the next record fails a checksum or does not hold an Event
     * @throws IOException if the file cannot be read
     */
    public Event next() throws IOException {
        long start = records.offset();
        byte[] data = records.next();
        if (data == null) {
            return null;
        }
        try {
            return Event.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptRecordException(records.file(), start, "record is not an Event: " + e.getMessage());
        }
    }

    /**
     * Returns the incomplete last record, once reading has reached it.
     *
     * @return the truncated record, or empty when none was met
     */
    public Optional<TruncatedRecord> truncated() {
        return records.truncated();
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
