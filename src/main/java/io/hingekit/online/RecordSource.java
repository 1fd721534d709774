package io.hingekit.online;

import java.io.IOException;

/**
 * A stream of labelled records: a CSV or JSON-lines file, standard input, or a Kafka topic. Records of one
 * partition come in the order of their offsets.
 */
public interface RecordSource extends AutoCloseable {

    /**
     * Returns the next record, waiting for one where the stream has no end (Kafka).
     *
     * @return the record, or null at the end of the stream (or after {@link #stop})
     * @throws IOException when reading fails
     * @throws IllegalArgumentException naming the position when a record is malformed
     */
    StreamRecord next() throws IOException;

    /**
     * Positions the stream after the records a checkpoint learnt from, where the source can seek (Kafka); the
     * learner skips the others itself.
     *
     * @param learned the last learnt offset per partition
     */
    default void seek(StreamOffsets learned) {}

    /**
     * Tells the source that a checkpoint saved these offsets (Kafka commits them, as a hint for tools that watch
     * the consumer group; a restart reads the checkpoint, not the commit).
     *
     * @param learned the last learnt offset per partition
     */
    default void checkpointed(StreamOffsets learned) {}

    /** Makes a waiting or later {@link #next} return null; safe to call from another thread. */
    default void stop() {}

    @Override
    void close() throws IOException;
}
