package io.hingekit.online;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the {@link RecordSource} an input names: a file, {@code -} for standard input, or a Kafka URL. */
public final class RecordSources {

    /** The input that reads standard input. */
    public static final String STDIN = "-";

    private RecordSources() {}

    /**
     * Opens an input.
     *
     * @param input a CSV or JSON-lines file, {@code -}, or {@code kafka://host:port/topic}
     * @param format the file format, or null to take it from the name
     * @param schema the stream's features, classes and label column
     * @param groupId the Kafka consumer group the checkpointed offsets are committed to
     * @param stopAtEnd Kafka: whether the stream ends at the topic's end offsets when it is opened
     * @return the source
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when the input is malformed, missing or does not fit the schema
     */
    public static RecordSource open(String input, StreamFormat format, StreamSchema schema, String groupId,
            boolean stopAtEnd) throws IOException {
        if (KafkaAddress.isKafka(input)) {
            return KafkaRecordSource.open(KafkaAddress.parse(input), groupId, schema.labelColumn(), stopAtEnd);
        }
        boolean stdin = input.equals(STDIN);
        Path file = Path.of(stdin ? "/dev/stdin" : input);
        if (!stdin && !Files.isRegularFile(file)) {
            throw new NoSuchFileException(input, null, "no such file (--input)");
        }
        String name = stdin ? "standard input" : input;
        return switch (StreamFormat.of(input, format)) {
            case CSV -> CsvRecordSource.open(file, name, schema);
            case JSONL -> new JsonlRecordSource(stdin ? System.in : Files.newInputStream(file), name,
                    schema.labelColumn());
        };
    }
}
