package org.aitia.app.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.aitia.collectors.parse.Parsers;
import org.aitia.collectors.parse.RejectedPayloadException;
import org.aitia.model.DeadLetter;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.incident.IncidentFormatException;
import org.aitia.testdata.incident.IncidentReader;
import org.aitia.testdata.incident.RecordedEvent;
import org.aitia.topology.generate.TopologyGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aitia run --demo}: publishes a generated multi-site topology, then replays the library
 * incidents into the live stack in a loop (healing stays in dry-run). Each run of an incident gets
 * its own entity ids and sites ({@code d<round>-<n>-...}) and event times moved to now, so rounds
 * never collide; its entities are deleted again when the next incident starts.
 */
final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final int GENERATED_ENTITIES = 5_000;
    private static final Duration PAUSE = Duration.ofSeconds(20);

    private static final Duration TOPOLOGY_WAIT = Duration.ofSeconds(60);

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrap;
    private final String jobGroup;
    private final String telemetry;
    private final String topology;
    private final String deadletter;
    private final List<Incident> incidents;
    private final Thread loop;
    private volatile boolean running = true;

    private Demo(
            String bootstrap,
            String jobGroup,
            String telemetry,
            String topology,
            String deadletter,
            List<Incident> incidents) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.bootstrap = bootstrap;
        this.jobGroup = jobGroup;
        this.telemetry = telemetry;
        this.topology = topology;
        this.deadletter = deadletter;
        this.incidents = incidents;
        this.loop = new Thread(this::run, "aitia-demo");
        loop.setDaemon(true);
    }

    /**
     * Starts the demo on the library in {@code library}; {@code jobGroup} is the consumer group of
     * the assurance job, whose progress on the topology topic the demo waits for.
     */
    static Demo start(
            String bootstrap,
            String jobGroup,
            String telemetry,
            String topology,
            String deadletter,
            Path library)
            throws Exception {
        List<Incident> incidents = new ArrayList<>();
        IncidentReader reader = new IncidentReader();
        try (Stream<Path> dirs = Files.list(library)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                try {
                    incidents.add(reader.read(d));
                } catch (IncidentFormatException e) {
                    LOG.warn("demo skips {}: {}", d, e.getMessage());
                }
            }
        }
        if (incidents.isEmpty()) {
            throw new IllegalStateException("no readable incident in " + library + " for the demo");
        }
        // Incidents that end in healing actions first, shortest first: a newcomer sees an alarm,
        // its root cause and a (dry-run) action in the first minute.
        incidents.sort(
                Comparator.comparing((Incident i) -> i.expect().actions().isEmpty())
                        .thenComparingLong(Demo::lastEventMs));
        Demo demo = new Demo(bootstrap, jobGroup, telemetry, topology, deadletter, incidents);
        demo.publishGenerated();
        demo.loop.start();
        return demo;
    }

    private static long lastEventMs(Incident incident) {
        List<RecordedEvent> events = incident.events();
        return events.isEmpty() ? 0 : events.get(events.size() - 1).atMs();
    }

    int incidents() {
        return incidents.size();
    }

    private void publishGenerated() {
        Topology t = new TopologyGenerator(42).generate(GENERATED_ENTITIES);
        Instant now = Instant.now();
        for (TopologyChange c : t.asChanges()) {
            send(topology, c.key(), Json.writeBytes(c.at(now)));
        }
        producer.flush();
        LOG.info(
                "demo: published a generated topology of {} entities and {} relationships",
                t.entities().size(),
                t.relationships().size());
    }

    /**
     * Waits until the job has committed (at a checkpoint) offsets up to the end of the topology
     * topic, so that the first incident does not race the generated topology through a cold job;
     * gives up after {@link #TOPOLOGY_WAIT} with a warning and plays anyway.
     */
    private void awaitTopologyRead() throws InterruptedException {
        long t0 = System.nanoTime();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topology))
                    .allTopicNames()
                    .get()
                    .get(topology)
                    .partitions()
                    .forEach(
                            p ->
                                    latest.put(
                                            new TopicPartition(topology, p.partition()),
                                            OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, r) -> end.put(tp, r.offset()));
            long deadline = t0 + TOPOLOGY_WAIT.toNanos();
            while (running && System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(jobGroup)
                                .partitionsToOffsetAndMetadata()
                                .get();
                boolean caughtUp =
                        end.entrySet().stream()
                                .allMatch(
                                        e -> {
                                            OffsetAndMetadata c = committed.get(e.getKey());
                                            return e.getValue() == 0
                                                    || (c != null && c.offset() >= e.getValue());
                                        });
                if (caughtUp) {
                    LOG.info(
                            "demo: the job has read the generated topology ({} ms); playing incidents",
                            (System.nanoTime() - t0) / 1_000_000);
                    return;
                }
                Thread.sleep(500);
            }
            LOG.warn(
                    "demo: the job has not confirmed reading the generated topology within {} s"
                            + " (consumer group '{}'); playing incidents anyway",
                    TOPOLOGY_WAIT.toSeconds(),
                    jobGroup);
        } catch (ExecutionException e) {
            LOG.warn(
                    "demo: cannot follow the job's progress ({}); playing incidents anyway",
                    e.getCause().toString());
        }
    }

    private void run() {
        int round = 0;
        List<TopologyChange> cleanup = new ArrayList<>();
        try {
            awaitTopologyRead();
            while (running) {
                round++;
                for (int i = 0; i < incidents.size() && running; i++) {
                    cleanup.forEach(c -> send(topology, c.key(), Json.writeBytes(c)));
                    cleanup.clear();
                    cleanup.addAll(play(incidents.get(i), "d" + round + "-" + (i + 1) + "-"));
                    Thread.sleep(PAUSE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("demo stopped: {}", e.toString(), e);
        }
    }

    /** Plays one incident under {@code prefix}; returns the deletes that remove it again. */
    private List<TopologyChange> play(Incident incident, String prefix)
            throws InterruptedException {
        LOG.info("demo: playing '{}' as {}", incident.name(), prefix);
        Instant base = Instant.now();
        Map<String, String> refs = new HashMap<>();
        List<TopologyChange> deletes = new ArrayList<>();
        for (Entity e : incident.topology().entities()) {
            Entity moved =
                    new Entity(
                            prefix + e.id(),
                            e.type(),
                            prefix + e.name(),
                            prefix + e.site(),
                            e.state(),
                            e.properties());
            refs.put(e.id(), moved.id());
            refs.putIfAbsent(e.name(), moved.id());
            send(topology, moved.id(), Json.writeBytes(TopologyChange.upsert(moved).at(base)));
            deletes.add(TopologyChange.delete(moved).at(base));
        }
        for (Relationship r : incident.topology().relationships()) {
            Relationship moved =
                    new Relationship(prefix + r.source(), prefix + r.target(), r.type());
            send(topology, moved.id(), Json.writeBytes(TopologyChange.upsert(moved).at(base)));
        }
        long start = System.nanoTime();
        for (RecordedEvent e : incident.events()) {
            long wait = e.atMs() - (System.nanoTime() - start) / 1_000_000L;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            if (e.source().equals("topology")) {
                continue; // topology moves during an incident are not part of the demo
            }
            try {
                for (TelemetryEvent t :
                        Parsers.forSource(e.source())
                                .parse(e.payloadText().getBytes(StandardCharsets.UTF_8))) {
                    Instant at = base.plus(Duration.between(incident.start(), t.eventTime()));
                    String ref = refs.getOrDefault(t.entityRef(), prefix + t.entityRef());
                    TelemetryEvent moved =
                            new TelemetryEvent(
                                    t.kind(),
                                    ref,
                                    t.entityType(),
                                    t.name(),
                                    t.value(),
                                    t.severity(),
                                    t.originalSeverity(),
                                    t.state(),
                                    at,
                                    t.source(),
                                    t.labels());
                    send(telemetry, ref, Json.writeBytes(moved));
                }
            } catch (RejectedPayloadException ex) {
                send(
                        deadletter,
                        e.source(),
                        Json.writeBytes(
                                new DeadLetter(
                                        e.source(),
                                        ex.getMessage(),
                                        e.payloadText(),
                                        Instant.now())));
            }
        }
        producer.flush();
        return deletes;
    }

    private void send(String topic, String key, byte[] value) {
        producer.send(
                new ProducerRecord<>(topic, key, value),
                (m, e) -> {
                    if (e != null) {
                        LOG.warn("demo: could not publish to {}: {}", topic, e.toString());
                    }
                });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.interrupt();
        loop.join(5000);
        producer.close(Duration.ofSeconds(5));
    }
}
