package org.aitia.streaming.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.aitia.collectors.parse.CollectdParser;
import org.aitia.collectors.parse.DoctorParser;
import org.aitia.collectors.parse.PayloadParser;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.StreamingConfig;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.incident.IncidentReader;
import org.aitia.testdata.incident.RecordedEvent;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test's view of the Kafka bus: its own topics on the shared broker, a producer of inputs, and
 * a reader of the job's conclusions.
 */
final class Bus implements AutoCloseable {
    final StreamingConfig.Topics topics;
    private final KafkaBroker broker;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;

    /** Every alarm record read, in order. */
    final List<Alarm> alarmRecords = new ArrayList<>();

    /** Every action record read, in order (duplicates included). */
    final List<HealingAction> actionRecords = new ArrayList<>();

    Bus(KafkaBroker broker, String prefix) {
        this.broker = broker;
        this.topics = StreamingConfig.Topics.prefixed(prefix + ".");
        broker.createTopic(topics.telemetry(), 2, false);
        broker.createTopic(topics.topology(), 2, true);
        broker.createTopic(topics.rules(), 1, true);
        broker.createTopic(topics.alarms(), 1, true);
        broker.createTopic(topics.actions(), 1, false);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics.alarms(), topics.actions()));
    }

    StreamingConfig config() {
        return StreamingConfig.forKafka(broker.bootstrapServers())
                .withTopics(topics)
                .withGroupId("job-" + topics.telemetry())
                .withResolveGraceMs(10_000);
    }

    void topology(Topology topology) throws Exception {
        for (TopologyChange c : topology.asChanges()) {
            send(topics.topology(), c.key(), Json.writeBytes(c));
        }
    }

    void telemetry(TelemetryEvent e) throws Exception {
        send(topics.telemetry(), e.entityRef(), Json.writeBytes(e));
    }

    void rules(String name, String json) throws Exception {
        send(topics.rules(), name, json.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    /** Reads conclusions until {@code done} holds or {@code timeout} passes; returns whether. */
    boolean readUntil(Predicate<Bus> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            poll(Duration.ofMillis(200));
            if (done.test(this)) {
                return true;
            }
        }
        return false;
    }

    /** Reads until nothing new has arrived for {@code quiet}. */
    void readUntilQuiet(Duration quiet, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        long lastNew = System.nanoTime();
        while (System.nanoTime() < end && System.nanoTime() - lastNew < quiet.toNanos()) {
            if (poll(Duration.ofMillis(200)) > 0) {
                lastNew = System.nanoTime();
            }
        }
    }

    private int poll(Duration d) {
        int n = 0;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(d)) {
            n++;
            if (r.topic().equals(topics.alarms())) {
                alarmRecords.add(Json.read(r.value(), Alarm.class));
            } else {
                actionRecords.add(Json.read(r.value(), HealingAction.class));
            }
        }
        return n;
    }

    /** The latest transition of each alarm, by id. */
    Map<String, Alarm> alarms() {
        Map<String, Alarm> latest = new LinkedHashMap<>();
        alarmRecords.forEach(a -> latest.put(a.id(), a));
        return latest;
    }

    /** Each action once, by id. */
    Map<String, HealingAction> actions() {
        Map<String, HealingAction> byId = new LinkedHashMap<>();
        actionRecords.forEach(a -> byId.putIfAbsent(a.id(), a));
        return byId;
    }

    boolean hasAction(String type, String target) {
        return actions().values().stream()
                .anyMatch(a -> a.type().equals(type) && a.target().equals(target));
    }

    /** The active alarm named so on the entity, or null. */
    Alarm active(String entity, String name) {
        return alarms().values().stream()
                .filter(a -> a.isActive() && a.entityId().equals(entity))
                .filter(a -> name == null || a.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    /** A recorded incident from testdata's {@code incidents/} folder. */
    static Incident incident(String name) throws Exception {
        Path dir = Path.of("..", "testdata", "incidents", name).toAbsolutePath().normalize();
        return new IncidentReader().read(dir);
    }

    /** The incident's telemetry, through the collectors' own parsers (topology events left out). */
    static List<TelemetryEvent> telemetryOf(Incident incident) throws Exception {
        Map<String, PayloadParser> parsers =
                Map.of("doctor", new DoctorParser(), "collectd", new CollectdParser());
        List<TelemetryEvent> events = new ArrayList<>();
        for (RecordedEvent e : incident.events()) {
            PayloadParser parser = parsers.get(e.source());
            if (parser == null) {
                throw new IllegalArgumentException("no parser in this test for " + e.source());
            }
            events.addAll(parser.parse(e.payloadText().getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }
}
