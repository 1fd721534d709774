package io.hingekit.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real single-node KRaft broker on loopback: the reference stream produced to a topic, learnt by a job killed
 * after 25 examples (last checkpoint at 20) and restarted, ends with the model learnt from the same stream read
 * from a file, bit for bit; the offsets committed after the checkpoint are the checkpoint's.
 */
class KafkaStreamTest {

    private static final String TOPIC = "fashion-feedback";

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aKilledAndRestartedKafkaJobLearnsWhatAFileJobLearns() throws Exception {
        Files.createDirectories(tmp.resolve("kafka"));
        try (KafkaBroker broker = KafkaBroker.start(tmp.resolve("kafka"))) {
            List<String> values = streamValues();
            produce(broker, values);
            String input = "kafka://" + broker.bootstrapServers() + "/" + TOPIC;
            Path dir = tmp.resolve("from-kafka");
            OnlineListener crash = new OnlineListener() {
                @Override
                public void onProgress(Progress progress) {
                    if (progress.learnt() == 25) {
                        throw new IllegalStateException("killed");
                    }
                }
            };
            assertThrows(IllegalStateException.class, () -> run(input, dir, List.of(crash)));
            assertEquals(Map.of(0, 19L), OnlineCheckpoint.read(OnlineCheckpoint.file(dir)).offsets(),
                    "20 examples checkpointed: offsets 0-19");
            assertEquals(20, committedOffset(broker), "committed after the checkpoint: the next offset to read");

            OnlineListener.Progress end = run(input, dir, List.of());
            assertEquals(40, end.learnt(), "the restart seeks past the checkpointed offsets");
            assertEquals(0, end.skipped());
            assertEquals(OnlineLearnerTest.N, end.figures().examples());

            Path file = Files.write(tmp.resolve("stream.jsonl"), values);
            Path fromFile = tmp.resolve("from-file");
            run(file.toString(), fromFile, List.of());
            OnlineCheckpoint kafka = OnlineCheckpoint.read(OnlineCheckpoint.file(dir));
            assertArrayEquals(OnlineCheckpoint.read(OnlineCheckpoint.file(fromFile)).weights(), kafka.weights());
            assertArrayEquals(Files.readAllBytes(fromFile.resolve("model.params")),
                    Files.readAllBytes(dir.resolve("model.params")));
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(OnlineLearnerTest.MULTI_PA_I[r], kafka.weights()[r], 1e-6);
            }
        }
    }

    private OnlineListener.Progress run(String input, Path out, List<OnlineListener> listeners) throws IOException {
        Path config = Files.writeString(tmp.resolve("online.yaml"),
                OnlineLearningTest.CONFIG.formatted(tmp.resolve("stream.csv")));
        return new OnlineLearning().run(new OnlineRequest(config, input, null, out, null, false, 0, true), listeners);
    }

    private static List<String> streamValues() {
        OnlineLearnerTest.Stream s = OnlineLearnerTest.stream(3);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            values.add("{\"features\": " + Arrays.toString(s.x()[i]) + ", \"label\": \"c" + s.labels()[i] + "\"}");
        }
        return values;
    }

    private static void produce(KafkaBroker broker, List<String> values)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, value)).get();
            }
        }
    }

    private static long committedOffset(KafkaBroker broker) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin
                    .listConsumerGroupOffsets("hingekit-learn-online-online-test").partitionsToOffsetAndMetadata().get();
            return offsets.get(new TopicPartition(TOPIC, 0)).offset();
        }
    }
}
