package org.aitia.healing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.adapter.WebhookAdapter;
import org.aitia.healing.audit.ElasticsearchAudit;
import org.aitia.healing.guard.Guard;
import org.aitia.healing.journal.ActionJournal;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.DeadLetter;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The healing service: consumes {@code aitia.actions}, runs each action through the guard and the
 * adapters, and reports every outcome to {@code aitia.action-results}, the journal and (when a URL
 * is given) the Elasticsearch audit index. Storm alarms go to {@code aitia.alarms} (and to the
 * webhook receivers in Vitrage's shape).
 *
 * <p>The consumer commits a poll's offsets once its actions are decided and claimed; the journal
 * keeps redelivered actions from running twice. Held actions wait for {@link #approve(String)} or
 * {@link #reject(String, String)} (the alarms-api calls them).
 */
public final class HealingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealingService.class);

    private final HealingConfig config;
    private final ExecutorService executor;
    private final List<Adapter> adapters;
    private final ActionJournal journal;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final ElasticsearchAudit audit;
    private final KafkaOutcomeSink kafkaSink;
    private final HealingExecutor healing;
    private final Thread loop;
    private volatile boolean running = true;

    private HealingService(
            HealingConfig config,
            String bootstrapServers,
            String elasticsearchUrl,
            KubernetesClient kubernetes,
            Clock clock) {
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                Executors.newFixedThreadPool(
                        16,
                        r -> {
                            Thread t = new Thread(r, "healing-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.adapters = StandardAdapters.create(config, executor, kubernetes, clock);
        this.journal = ActionJournal.open(config.journal(), config.journalFsync());
        this.producer = new KafkaProducer<>(producerProps(bootstrapServers));
        this.consumer =
                new KafkaConsumer<>(consumerProps(bootstrapServers, config.consumerGroup()));
        this.audit =
                elasticsearchUrl == null || elasticsearchUrl.isBlank()
                        ? null
                        : new ElasticsearchAudit(elasticsearchUrl, config.auditIndexPrefix());
        this.kafkaSink = new KafkaOutcomeSink(producer, config.topics());
        List<OutcomeSink> sinks = new ArrayList<>();
        sinks.add(kafkaSink);
        if (audit != null) {
            sinks.add(audit);
        }
        if (!config.webhook().urls().isEmpty()) {
            sinks.add(webhookAlarms());
        }
        Guard guard = new Guard(config.guard(), config.isDryRun(), clock);
        this.healing =
                new HealingExecutor(
                        guard,
                        journal,
                        adapters,
                        OutcomeSink.all(sinks.toArray(OutcomeSink[]::new)),
                        clock);
        healing.recoverInterrupted();
        consumer.subscribe(List.of(config.topics().actions()));
        this.loop = new Thread(this::run, "healing-consumer");
        loop.start();
        LOG.info(
                "Healing service consuming {} from {} ({}, audit {}, {} held actions pending)",
                config.topics().actions(),
                bootstrapServers,
                config.isDryRun() ? "DRY-RUN" : "LIVE",
                audit == null ? "off" : elasticsearchUrl,
                healing.pending().size());
    }

    /**
     * Starts the service.
     *
     * @param config the {@code healing} section
     * @param bootstrapServers the Kafka cluster
     * @param elasticsearchUrl the audit's Elasticsearch node ({@code http://host:9200}), or null
     *     for no audit index
     */
    public static HealingService start(
            HealingConfig config, String bootstrapServers, String elasticsearchUrl) {
        return new HealingService(
                config, bootstrapServers, elasticsearchUrl, null, Clock.systemUTC());
    }

    /** As {@link #start(HealingConfig, String, String)} with a given Kubernetes client. */
    public static HealingService start(
            HealingConfig config,
            String bootstrapServers,
            String elasticsearchUrl,
            KubernetesClient kubernetes) {
        return new HealingService(
                config, bootstrapServers, elasticsearchUrl, kubernetes, Clock.systemUTC());
    }

    /** The actions waiting for an operator, oldest first. */
    public List<ActionJournal.Held> pending() {
        return healing.pending();
    }

    /**
     * Approves a held action; the future completes with its outcome (SENT, FAILED or DRY_RUN).
     *
     * @throws java.util.NoSuchElementException when no such action is held
     */
    public CompletableFuture<ActionResult> approve(String actionId) {
        return healing.approve(actionId);
    }

    /**
     * Rejects a held action: it is SUPPRESSED with {@code reason}.
     *
     * @throws java.util.NoSuchElementException when no such action is held
     */
    public ActionResult reject(String actionId, String reason) {
        return healing.reject(actionId, reason);
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                List<HealingAction> actions = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> r : records) {
                    try {
                        actions.add(Json.read(r.value(), HealingAction.class));
                    } catch (IllegalArgumentException e) {
                        LOG.error(
                                "Unreadable action at {}-{}@{}: {}; sent to {}",
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                e.getMessage(),
                                config.topics().deadletter());
                        kafkaSink.publish(
                                config.topics().deadletter(),
                                "healing",
                                Json.write(
                                        new DeadLetter(
                                                "healing",
                                                e.getMessage(),
                                                r.value() == null ? "" : r.value(),
                                                java.time.Instant.now())));
                    }
                }
                healing.submitAll(actions);
                producer.flush();
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Healing consumer loop stopped: {}", e.toString(), e);
            throw e;
        } finally {
            consumer.close();
        }
    }

    private OutcomeSink webhookAlarms() {
        WebhookAdapter webhook =
                adapters.stream()
                        .filter(WebhookAdapter.class::isInstance)
                        .map(WebhookAdapter.class::cast)
                        .findFirst()
                        .orElseThrow();
        return new OutcomeSink() {
            @Override
            public void result(HealingAction action, ActionResult result) {}

            @Override
            public void alarm(Alarm alarm) {
                webhook.notify(alarm)
                        .thenAccept(
                                o -> {
                                    if (!o.sent()) {
                                        LOG.error(
                                                "Webhook notification of {} failed: {}",
                                                alarm.id(),
                                                o.detail());
                                    }
                                });
            }
        };
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        healing.awaitInFlight(Duration.ofSeconds(30));
        producer.close(Duration.ofSeconds(10));
        if (audit != null) {
            audit.close();
        }
        for (Adapter a : adapters) {
            a.close();
        }
        executor.shutdownNow();
        journal.close();
        LOG.info("Healing service stopped");
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.putAll(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        "true",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class.getName()));
        return p;
    }

    private static Properties consumerProps(String bootstrap, String group) {
        Properties p = new Properties();
        p.putAll(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class.getName()));
        return p;
    }
}
