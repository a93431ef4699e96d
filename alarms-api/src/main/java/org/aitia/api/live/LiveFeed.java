package org.aitia.api.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread that reads the API's topics from their beginning and hands each record to its
 * topic's handler: the live view of alarms, topology, actions, rule sets and webhooks. It uses a
 * fresh consumer group each start and never commits, so every start rebuilds the view from the
 * (compacted) topics.
 *
 * <p>{@link #caughtUp()} turns true once every assigned partition was read up to the end offset it
 * had when assigned. A record its handler refuses is logged with the reason and counted in {@link
 * #rejected()}; the feed goes on.
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    /** Handles one record of one topic; {@code value} null is a tombstone. */
    @FunctionalInterface
    public interface Handler {
        void handle(String key, byte[] value);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Handler> handlers;
    private final Thread thread;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private volatile long lag = -1;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private Map<TopicPartition, Long> targets = Map.of();
    private final long startedAt = System.currentTimeMillis();

    public LiveFeed(String bootstrapServers, Map<String, Handler> handlers) {
        this.handlers = Map.copyOf(handlers);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "aitia-api-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.thread = new Thread(this::run, "aitia-api-live-feed");
        this.thread.setDaemon(true);
    }

    /** Starts reading. */
    public LiveFeed start() {
        consumer.subscribe(List.copyOf(handlers.keySet()));
        thread.start();
        return this;
    }

    private void run() {
        long lastLagCheck = 0;
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : records) {
                    dispatch(r);
                }
                long now = System.currentTimeMillis();
                if (!caughtUp || now - lastLagCheck > 5000) {
                    checkProgress();
                    lastLagCheck = now;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("live feed woken up while running", e);
            }
        } catch (RuntimeException e) {
            LOG.error("live feed stopped: the live view no longer follows Kafka", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> r) {
        Handler h = handlers.get(r.topic());
        try {
            h.handle(r.key(), r.value());
            applied.incrementAndGet();
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.warn(
                    "skipping {}-{}@{} (key {}): {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    r.key(),
                    e.getMessage());
        }
    }

    private void checkProgress() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            if (!caughtUp && System.currentTimeMillis() - startedAt > 10_000) {
                caughtUp = true;
                LOG.info(
                        "live view: none of {} exists yet, nothing to catch up", handlers.keySet());
            }
            return;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        if (!caughtUp && !targets.keySet().equals(assigned)) {
            targets = new HashMap<>(ends);
        }
        long total = 0;
        boolean reached = true;
        for (TopicPartition tp : assigned) {
            long pos = consumer.position(tp);
            total += Math.max(0, ends.getOrDefault(tp, pos) - pos);
            if (pos < targets.getOrDefault(tp, 0L)) {
                reached = false;
            }
        }
        lag = total;
        if (reached && !caughtUp) {
            caughtUp = true;
            LOG.info(
                    "live view caught up with {} partitions ({} records applied)",
                    assigned.size(),
                    applied.get());
        }
    }

    /** True once the view has read every assigned partition up to its end at assignment. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Records not yet read on the assigned partitions, -1 before the first check. */
    public long lag() {
        return lag;
    }

    /** Records a handler refused. */
    public long rejected() {
        return rejected.get();
    }

    /** Records applied. */
    public long applied() {
        return applied.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
