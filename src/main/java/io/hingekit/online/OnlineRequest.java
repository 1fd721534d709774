package io.hingekit.online;

import java.nio.file.Path;

/**
 * What {@code learn-online} was asked to do.
 *
 * @param config the YAML config with an {@code online} section
 * @param input a CSV or JSON-lines file, {@code -}, or {@code kafka://host:port/topic}
 * @param format the file format, or null to take it from the file name
 * @param out the model directory, or null for {@code models/<name>}
 * @param logDir the TensorBoard directory, or null for {@code runs/<name>}
 * @param overwrite whether to start afresh over an existing checkpoint or model
 * @param maxExamples stop after learning this many examples in this process (0 = no limit)
 * @param stopAtEnd Kafka: end at the topic's end offsets when the job starts, instead of waiting for records
 */
public record OnlineRequest(Path config, String input, StreamFormat format, Path out, Path logDir, boolean overwrite,
        long maxExamples, boolean stopAtEnd) {}
