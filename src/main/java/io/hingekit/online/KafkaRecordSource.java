package io.hingekit.online;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records of a Kafka topic: every partition assigned to this consumer (no group rebalancing), each record's value a
 * {@link JsonRecords} object, its position the partition and offset. {@link #seek} starts each partition after its
 * checkpointed offset (or at the beginning); {@link #checkpointed} commits the checkpointed offsets to the consumer
 * group, a hint only: a restart seeks to the checkpoint's offsets, never to the committed ones, because only the
 * checkpoint holds the model they belong to. With {@code stopAtEnd} the stream ends at the end offsets the topic had
 * when it was opened; otherwise it waits for new records until {@link #stop}.
 */
final class KafkaRecordSource implements RecordSource {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], String> consumer;
    private final KafkaAddress address;
    private final List<TopicPartition> partitions;
    private final String labelKey;
    private final boolean stopAtEnd;
    private final ArrayDeque<ConsumerRecord<byte[], String>> buffer = new ArrayDeque<>();
    private Map<TopicPartition, Long> ends;
    private volatile boolean stopped;

    private KafkaRecordSource(KafkaConsumer<byte[], String> consumer, KafkaAddress address,
            List<TopicPartition> partitions, String labelKey, boolean stopAtEnd) {
        this.consumer = consumer;
        this.address = address;
        this.partitions = partitions;
        this.labelKey = labelKey;
        this.stopAtEnd = stopAtEnd;
    }

    /**
     * Connects to a topic and assigns all its partitions.
     *
     * @param address servers and topic
     * @param groupId the consumer group the checkpointed offsets are committed to
     * @param labelKey the JSON key of the label
     * @param stopAtEnd whether the stream ends at the topic's end offsets of now
     * @return the source
     * @throws IllegalArgumentException when the topic does not exist
     */
    static KafkaRecordSource open(KafkaAddress address, String groupId, String labelKey, boolean stopAtEnd) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "hingekit-learn-online");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(METADATA_TIMEOUT.toMillis()));
        KafkaConsumer<byte[], String> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new StringDeserializer());
        try {
            var infos = consumer.partitionsFor(address.topic(), METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("kafka topic '" + address.topic() + "' not found at "
                        + address.bootstrapServers());
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            consumer.assign(partitions);
            return new KafkaRecordSource(consumer, address, partitions, labelKey, stopAtEnd);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Override
    public void seek(StreamOffsets learned) {
        for (TopicPartition tp : partitions) {
            Long last = learned.last(tp.partition());
            if (last == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, last + 1);
            }
        }
        ends = stopAtEnd ? consumer.endOffsets(partitions) : null;
    }

    @Override
    public StreamRecord next() {
        while (buffer.isEmpty()) {
            if (stopped || ends != null && atEnd()) {
                return null;
            }
            consumer.poll(POLL).forEach(buffer::add);
        }
        ConsumerRecord<byte[], String> r = buffer.poll();
        String where = address + " partition " + r.partition() + " offset " + r.offset();
        if (r.value() == null) {
            throw new IllegalArgumentException(where + ": a record without a value");
        }
        return JsonRecords.parse(r.value(), r.partition(), r.offset(), where, labelKey);
    }

    private boolean atEnd() {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < ends.get(tp)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void checkpointed(StreamOffsets learned) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        learned.asMap().forEach((partition, offset) ->
                commits.put(new TopicPartition(address.topic(), partition), new OffsetAndMetadata(offset + 1)));
        try {
            consumer.commitSync(commits);
        } catch (KafkaException e) {
            // a hint for monitoring only: the checkpoint already holds these offsets with their model
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
