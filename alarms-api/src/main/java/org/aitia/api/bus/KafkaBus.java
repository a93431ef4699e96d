package org.aitia.api.bus;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aitia.api.errors.ApiException;
import org.aitia.model.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the API accepts onto Kafka and waits for the broker's acknowledgement (acks=all,
 * idempotent), so a 2xx answer means the record is stored.
 */
public final class KafkaBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBus.class);

    private final KafkaProducer<String, byte[]> producer;

    public KafkaBus(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    /**
     * Publishes {@code value} (as the shared JSON, or a tombstone when null) under {@code key} and
     * waits for the acknowledgement.
     *
     * @throws ApiException 503 when Kafka does not acknowledge in time
     */
    public RecordMetadata publish(String topic, String key, Object value) {
        byte[] bytes = value == null ? null : Json.writeBytes(value);
        try {
            RecordMetadata md =
                    producer.send(new ProducerRecord<>(topic, key, bytes))
                            .get(20, TimeUnit.SECONDS);
            LOG.debug("published {} on {}-{}@{}", key, topic, md.partition(), md.offset());
            return md;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("cannot publish {} on {}: {}", key, topic, cause.toString());
            throw new ApiException(
                    503,
                    "Kafka did not accept the record on " + topic + ": " + cause.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while publishing on " + topic);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
