package org.aitia.collectors;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic from the beginning in a test; records as (key, value, headers) strings. */
final class TopicReader implements AutoCloseable {
    /** One record. */
    record Rec(String key, String value, String request) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Rec> seen = new ArrayList<>();

    TopicReader(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code done} holds for what was read, or {@code timeout} passes. */
    List<Rec> readUntil(Predicate<List<Rec>> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen) && System.nanoTime() < end) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                var h = r.headers().lastHeader("aitia.request");
                seen.add(
                        new Rec(
                                r.key() == null
                                        ? null
                                        : new String(r.key(), StandardCharsets.UTF_8),
                                r.value() == null
                                        ? null
                                        : new String(r.value(), StandardCharsets.UTF_8),
                                h == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(seen);
    }

    List<Rec> readAtLeast(int n, Duration timeout) {
        return readUntil(l -> l.size() >= n, timeout);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
