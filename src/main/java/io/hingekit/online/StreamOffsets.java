package io.hingekit.online;

import java.util.Map;
import java.util.TreeMap;

/**
 * The position of the last example learnt from, per partition: what a checkpoint saves beside the weights, so that
 * a restarted job skips every record at or below it. Not thread-safe.
 */
public final class StreamOffsets {

    private final TreeMap<Integer, Long> learned;

    /**
     * Creates offsets from saved ones.
     *
     * @param learned the last learnt offset per partition (copied)
     */
    public StreamOffsets(Map<Integer, Long> learned) {
        this.learned = new TreeMap<>(learned);
    }

    /** Returns whether the record was already learnt from (its offset at or below the partition's). */
    public boolean learned(StreamRecord record) {
        Long last = learned.get(record.partition());
        return last != null && record.offset() <= last;
    }

    /** Records that the record was learnt from. */
    public void advance(StreamRecord record) {
        learned.put(record.partition(), record.offset());
    }

    /** Returns the last learnt offset of a partition, or null when none. */
    public Long last(int partition) {
        return learned.get(partition);
    }

    /** Returns a copy of the last learnt offset per partition. */
    public Map<Integer, Long> asMap() {
        return new TreeMap<>(learned);
    }
}
