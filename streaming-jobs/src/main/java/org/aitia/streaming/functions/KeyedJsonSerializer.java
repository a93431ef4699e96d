package org.aitia.streaming.functions;

import java.nio.charset.StandardCharsets;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.model.StateChange;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes an output record to its topic as the model's JSON, keyed by its id (alarm id, action id),
 * so that a compacted {@code aitia.alarms} keeps each alarm's latest transition and a consumer can
 * deduplicate by key.
 *
 * @param <T> {@link Alarm} or {@link HealingAction}
 */
public final class KeyedJsonSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public KeyedJsonSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T value, KafkaSinkContext context, Long ts) {
        String key;
        if (value instanceof Alarm a) {
            key = a.id();
        } else if (value instanceof HealingAction h) {
            key = h.id();
        } else if (value instanceof StateChange sc) {
            key = sc.entityId();
        } else {
            throw new IllegalArgumentException(
                    "cannot key " + value.getClass().getName() + " for " + topic);
        }
        return new ProducerRecord<>(
                topic, null, ts, key.getBytes(StandardCharsets.UTF_8), Json.writeBytes(value));
    }
}
