package org.aitia.app.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.aitia.healing.HealingConfig;
import org.aitia.healing.HealingService;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.DeadLetter;
import org.aitia.model.Entity;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.StateChange;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.EmbeddedAssurance;
import org.aitia.streaming.StreamingConfig;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of one replayed incident on the shared broker: its own topics ({@code
 * aitia.<ns>.telemetry}, ...), so incidents never see each other; the assurance job on an embedded
 * MiniCluster; the healing executor in dry-run; and a consumer that gathers the conclusions into
 * {@link Observations}.
 */
final class IncidentPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentPipeline.class);

    private final String namespace;
    private final StreamingConfig.Topics topics;
    private final HealingConfig.Topics healingTopics;
    private final KafkaProducer<String, byte[]> producer;
    private final Observations observations = new Observations();
    private final AtomicLong lastOutputNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong outputs = new AtomicLong();
    private final CountDownLatch probeSeen = new CountDownLatch(1);

    /** The entity of the warm-up probe, in a site of its own; never part of a report. */
    static final String PROBE = "aitia-replay-probe";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread gatherer;
    private final EmbeddedAssurance job;
    private final HealingService healing;
    private volatile boolean running = true;

    IncidentPipeline(
            KafkaBroker broker,
            String namespace,
            Path workDir,
            Map<String, String> ruleSets,
            StreamingConfig base)
            throws Exception {
        this.namespace = namespace;
        this.topics = StreamingConfig.Topics.prefixed("r." + namespace + ".");
        this.healingTopics =
                new HealingConfig.Topics(
                        topics.actions(),
                        "r." + namespace + ".aitia.action-results",
                        topics.alarms(),
                        "r." + namespace + ".aitia.deadletter");
        for (String t :
                List.of(
                        topics.telemetry(),
                        topics.alarms(),
                        topics.actions(),
                        healingTopics.results(),
                        healingTopics.deadletter())) {
            broker.createTopic(t, 1, false);
        }
        broker.createTopic(topics.topology(), 1, true);
        broker.createTopic(topics.rules(), 1, true);
        this.producer = producer(broker.bootstrapServers());
        ruleSets.forEach(
                (name, message) ->
                        send(topics.rules(), name, message.getBytes(StandardCharsets.UTF_8)));
        producer.flush();

        this.consumer = consumer(broker.bootstrapServers(), namespace);
        consumer.subscribe(
                List.of(
                        topics.alarms(),
                        topics.actions(),
                        topics.states(),
                        healingTopics.results()));
        this.gatherer = new Thread(this::gather, "replay-gather-" + namespace);
        gatherer.setDaemon(true);
        gatherer.start();

        StreamingConfig streaming =
                base.withBootstrapServers(broker.bootstrapServers())
                        .withTopics(topics)
                        .withGroupId("replay-" + namespace)
                        .withParallelism(1)
                        .withCheckpoints(0, null);
        this.job = EmbeddedAssurance.start(streaming);
        HealingConfig healingConfig =
                HealingConfig.defaults()
                        .withDryRun(true)
                        .withTopics(healingTopics)
                        .withConsumerGroup("replay-healing-" + namespace)
                        .withJournalPath(workDir.resolve("healing-journal.jsonl").toString());
        this.healing = HealingService.start(healingConfig, broker.bootstrapServers(), null);
        LOG.debug("replay pipeline of {} ready on topics {}", namespace, topics);
    }

    private static KafkaProducer<String, byte[]> producer(String servers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String servers, String namespace) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(
                ConsumerConfig.GROUP_ID_CONFIG,
                "replay-observer-" + namespace + "-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    void topology(TopologyChange change) {
        send(topics.topology(), change.key(), Json.writeBytes(change));
    }

    void telemetry(TelemetryEvent event) {
        send(topics.telemetry(), event.entityRef(), Json.writeBytes(event));
    }

    void deadLetter(String source, String reason, String payload) {
        send(
                healingTopics.deadletter(),
                source,
                Json.writeBytes(new DeadLetter(source, reason, payload, Instant.now())));
    }

    private void gather() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    if (r.value() == null) {
                        continue;
                    }
                    long now = System.nanoTime();
                    synchronized (observations) {
                        if (r.topic().equals(topics.alarms())) {
                            Alarm alarm = Json.read(r.value(), Alarm.class);
                            if (alarm.entityId().equals(PROBE)) {
                                probeSeen.countDown();
                                continue;
                            }
                            observations.alarm(alarm, now);
                        } else if (r.topic().equals(topics.states())) {
                            StateChange sc = Json.read(r.value(), StateChange.class);
                            if (!sc.entityId().equals(PROBE)) {
                                observations.state(sc.entityId(), sc.state());
                            }
                        } else if (r.topic().equals(topics.actions())) {
                            observations.action(Json.read(r.value(), HealingAction.class), now);
                        } else {
                            observations.result(Json.read(r.value(), ActionResult.class));
                        }
                    }
                    lastOutputNanos.set(now);
                    outputs.incrementAndGet();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    /**
     * Waits until no conclusion has appeared for {@code quiet}, or {@code max} has passed, and
     * returns what was concluded.
     */
    Observations awaitQuiet(Duration quiet, Duration firstOutput, Duration max)
            throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + max.toNanos();
        while (System.nanoTime() < deadline) {
            ensureJobRuns();
            boolean anyOutput = outputs.get() > 0;
            boolean quietNow = System.nanoTime() - lastOutputNanos.get() >= quiet.toNanos();
            boolean gaveUpWaitingForFirst = System.nanoTime() - begin >= firstOutput.toNanos();
            if (quietNow && (anyOutput || gaveUpWaitingForFirst) && resultsSettled()) {
                break;
            }
            Thread.sleep(50);
        }
        return observations;
    }

    /**
     * Sends a probe fault on an entity of its own and waits until its alarm comes out of the job:
     * from then on the job is live end to end, and the latency of the incident's own events is not
     * the job's start-up. The probe's alarm is cleared again before the incident starts.
     */
    void warmUp(Instant at, Duration max) throws InterruptedException {
        Entity probe = new Entity(PROBE, "probe", PROBE, PROBE, null, Map.of());
        topology(TopologyChange.upsert(probe).at(at));
        telemetry(TelemetryEvent.fault(PROBE, "replayProbe", Severity.WARNING, at, "replay"));
        long deadline = System.nanoTime() + max.toNanos();
        while (!probeSeen.await(100, TimeUnit.MILLISECONDS)) {
            ensureJobRuns();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the assurance job of "
                                + namespace
                                + " did not answer a probe within "
                                + max);
            }
        }
        // Cleared at once, so that --keep-running shows the incident's alarms only.
        telemetry(TelemetryEvent.fault(PROBE, "replayProbe", Severity.OK, at, "replay"));
    }

    /** Waits until the assurance job runs, so that the replay's clock starts on a live job. */
    void awaitJobRunning(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            ensureJobRuns();
            try {
                if (job.status() == JobStatus.RUNNING) {
                    return;
                }
            } catch (Exception e) {
                throw new IllegalStateException(
                        "cannot read the status of the assurance job of " + namespace, e);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(
                "the assurance job of " + namespace + " did not start within " + max);
    }

    /**
     * @throws IllegalStateException with the job's failure when the assurance job is no longer
     *     running
     */
    void ensureJobRuns() {
        JobStatus status;
        try {
            status = job.status();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the assurance job of " + namespace + " is gone: " + e.getMessage(), e);
        }
        if (status.isGloballyTerminalState()) {
            throw new IllegalStateException(
                    "the assurance job of "
                            + namespace
                            + " ended: "
                            + status
                            + " (its log above says why)");
        }
    }

    private boolean resultsSettled() {
        synchronized (observations) {
            return observations.actions().stream()
                    .allMatch(a -> observations.resultOf(a.id()) != null);
        }
    }

    /** Marks the moment after which outputs count as fresh (the last event was handed). */
    void markHanded() {
        lastOutputNanos.set(System.nanoTime());
    }

    @Override
    public void close() throws Exception {
        running = false;
        consumer.wakeup();
        gatherer.join(5000);
        try {
            job.close();
        } catch (IllegalStateException e) {
            LOG.warn(
                    "the assurance job of {} was already down when the replay closed it: {}",
                    namespace,
                    e.getMessage());
        } finally {
            healing.close();
            producer.close(Duration.ofSeconds(5));
        }
    }
}
