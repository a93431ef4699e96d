package org.aitia.collectors.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.model.DeadLetter;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TopologyChange;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors' one Kafka producer (idempotent, {@code acks=all}). Telemetry is keyed by entity
 * reference, dead letters by source, topology changes by {@link TopologyChange#key()}.
 *
 * <p>Flow control: at most {@code maxInFlightEvents} records may be sent and not yet acknowledged.
 * A request that does not fit is refused whole ({@link OverloadedException}) before anything of it
 * is sent, so the listener never accepts and drops.
 *
 * <p>Every accepted request body is also written once to the raw topic as {@code {"source",
 * "received_at", "request", "payload"}} (payload embedded as JSON): {@code aitia record} reads it
 * back exactly as the source sent it. Each telemetry record carries the headers {@code
 * aitia.source} and {@code aitia.request} (the same request id as its raw record).
 */
public final class KafkaPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final byte[] NO_KEY = new byte[0];

    private final Producer<byte[], byte[]> producer;
    private final CollectorsConfig.Topics topics;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final AtomicReference<Exception> lastFailure = new AtomicReference<>();

    public KafkaPublisher(String bootstrap, CollectorsConfig config) {
        this.topics = config.topics();
        this.maxInFlight = config.maxInFlightEvents();
        this.inFlight = new Semaphore(maxInFlight);
        Properties props = new Properties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(256L * 1024 * 1024));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        props.putAll(config.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "aitia-collectors");
        this.producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends the events of one request and its raw body.
     *
     * @return completes when Kafka acknowledged every record, exceptionally when one failed
     * @throws OverloadedException when the records do not fit in flight (nothing was sent) or the
     *     producer refused the first record
     */
    public CompletableFuture<Void> publish(
            String source, String requestId, List<TelemetryEvent> events, byte[] raw)
            throws OverloadedException {
        int n = events.size() + 1;
        if (n > maxInFlight) {
            throw new OverloadedException(
                    "a request of " + n + " records exceeds maxInFlightEvents " + maxInFlight,
                    false,
                    null);
        }
        if (!inFlight.tryAcquire(n)) {
            throw new OverloadedException(
                    "Kafka has not yet acknowledged " + maxInFlight + " events", false, null);
        }
        Completion done = new Completion(n);
        byte[] src = source.getBytes(StandardCharsets.UTF_8);
        byte[] req = requestId.getBytes(StandardCharsets.UTF_8);
        int sent = 0;
        try {
            ProducerRecord<byte[], byte[]> rawRecord =
                    new ProducerRecord<>(topics.raw(), src, rawEnvelope(source, requestId, raw));
            rawRecord.headers().add(new RecordHeader("aitia.request", req));
            producer.send(rawRecord, done::record);
            sent++;
            for (TelemetryEvent e : events) {
                if (done.future.isCompletedExceptionally()) {
                    // The producer reports most failures (e.g. no metadata within max.block.ms)
                    // through the callback: stop here rather than wait again for each record.
                    break;
                }
                ProducerRecord<byte[], byte[]> r =
                        new ProducerRecord<>(
                                topics.telemetry(),
                                e.entityRef().getBytes(StandardCharsets.UTF_8),
                                Json.writeBytes(e));
                r.headers().add(new RecordHeader("aitia.source", src));
                r.headers().add(new RecordHeader("aitia.request", req));
                producer.send(r, done::record);
                sent++;
            }
        } catch (KafkaException e) {
            lastFailure.set(e);
            done.future.completeExceptionally(e);
            if (sent == 0) {
                inFlight.release(n);
                throw new OverloadedException("Kafka refused the request: " + e, true, e);
            }
        }
        if (sent < n) {
            inFlight.release(n - sent);
        }
        return done.future;
    }

    /** Sends a rejected body to the dead-letter topic, keyed by source. */
    public CompletableFuture<Void> deadLetter(String source, String reason, byte[] raw) {
        DeadLetter letter =
                new DeadLetter(
                        source, reason, new String(raw, StandardCharsets.UTF_8), Instant.now());
        return sendOne(
                topics.deadletter(),
                source.getBytes(StandardCharsets.UTF_8),
                Json.writeBytes(letter));
    }

    /** Sends one topology change, keyed by {@link TopologyChange#key()}. */
    public CompletableFuture<Void> topology(TopologyChange change) {
        return sendOne(
                topics.topology(),
                change.key().getBytes(StandardCharsets.UTF_8),
                Json.writeBytes(change));
    }

    private CompletableFuture<Void> sendOne(String topic, byte[] key, byte[] value) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        try {
            producer.send(
                    new ProducerRecord<>(topic, key == null ? NO_KEY : key, value),
                    (md, ex) -> {
                        if (ex != null) {
                            LOG.warn(
                                    "Kafka did not acknowledge a record on {}: {}",
                                    topic,
                                    ex.toString());
                            f.completeExceptionally(ex);
                        } else {
                            f.complete(null);
                        }
                    });
        } catch (KafkaException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** Records sent and not yet acknowledged. */
    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    /** Waits until everything sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] rawEnvelope(String source, String requestId, byte[] raw) {
        byte[] head =
                ("{\"source\":"
                                + Json.write(source)
                                + ",\"received_at\":\""
                                + Instant.now()
                                + "\",\"request\":"
                                + Json.write(requestId)
                                + ",\"payload\":")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + raw.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(raw, 0, out, head.length, raw.length);
        out[out.length - 1] = '}';
        return out;
    }

    /** Counts the acknowledgements of one request. */
    private final class Completion {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        final AtomicInteger remaining;

        Completion(int n) {
            remaining = new AtomicInteger(n);
        }

        void record(org.apache.kafka.clients.producer.RecordMetadata md, Exception ex) {
            inFlight.release();
            if (ex != null) {
                lastFailure.set(ex);
                future.completeExceptionally(ex);
            }
            if (remaining.decrementAndGet() == 0) {
                future.complete(null);
            }
        }
    }

    /** The last failure Kafka reported, for health checks; null when none. */
    public Exception lastFailure() {
        return lastFailure.get();
    }
}
