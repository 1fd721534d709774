package io.hingekit.online;

/**
 * One labelled example of a stream with its position: the line number for a file (partition 0), the partition and
 * offset for Kafka. Positions grow within a partition, which is what lets a restarted job skip what it learnt.
 *
 * @param partition the partition (0 for files and standard input)
 * @param offset the line number (from 1) or the Kafka offset
 * @param features the feature values
 * @param label the label as written: a class name or a class index
 * @param where the position in words for messages ({@code input.csv line 12}, {@code topic t partition 0 offset 7})
 */
public record StreamRecord(int partition, long offset, float[] features, String label, String where) {}
