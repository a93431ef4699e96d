package org.aitia.streaming.functions;

import java.nio.charset.StandardCharsets;
import org.aitia.model.Json;
import org.aitia.streaming.types.JsonTypeInfo;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic's JSON values as model records with the model's mapper. A value that is not valid
 * is logged with its topic, partition, offset and reason and counted ({@code invalidRecords}); it
 * cannot stop the job (the collectors already dead-letter bad input, so this only happens when
 * something else writes to the topic). A tombstone on the rules topic is the removal of the rule
 * set named by its key; tombstones elsewhere are skipped.
 *
 * @param <T> the record type
 */
public final class JsonRecordDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonRecordDeserializer.class);

    private final Class<T> type;
    private transient Counter invalid;

    public JsonRecordDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        invalid = context.getMetricGroup().counter("invalidRecords");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        if (record.value() == null) {
            if (type == RuleSetMessage.class && record.key() != null) {
                out.collect(
                        type.cast(
                                RuleSetMessage.removal(
                                        new String(record.key(), StandardCharsets.UTF_8))));
            }
            return;
        }
        try {
            out.collect(Json.read(record.value(), type));
        } catch (IllegalArgumentException e) {
            if (invalid != null) {
                invalid.inc();
            }
            LOG.warn(
                    "Skipping an invalid {} at {}-{} offset {}: {}",
                    type.getSimpleName(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return JsonTypeInfo.of(type);
    }
}
