package org.aitia.api;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.aitia.model.Alarm;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TopologyChange;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.incident.IncidentFormatException;
import org.aitia.testdata.incident.IncidentReader;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test fixtures: the Aitia topics on a real broker, an incident's topology and its alarms. */
final class Stack {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00.450Z");

    private Stack() {}

    /** Creates the API's topics as the design says (compacted where keyed by state). */
    static void createTopics(KafkaBroker kafka, ApiConfig.Topics t) {
        kafka.createTopic(t.telemetry(), 1, false);
        kafka.createTopic(t.topology(), 1, true);
        kafka.createTopic(t.alarms(), 1, true);
        kafka.createTopic(t.actions(), 1, false);
        kafka.createTopic(t.actionResults(), 1, false);
        kafka.createTopic(t.rules(), 1, true);
        kafka.createTopic(t.webhooks(), 1, true);
        kafka.createTopic(t.actionApprovals(), 1, false);
    }

    static KafkaProducer<String, String> producer(KafkaBroker kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static void send(KafkaProducer<String, String> p, String topic, String key, Object value) {
        try {
            p.send(new ProducerRecord<>(topic, key, value == null ? null : Json.write(value)))
                    .get(20, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot send to " + topic, e);
        }
    }

    /** Every record of {@code topic} from its start, read for at most {@code wait}. */
    static List<ConsumerRecord<String, String>> readAll(
            KafkaBroker kafka, String topic, int atLeast, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + wait.toMillis();
            while (out.size() < atLeast && System.currentTimeMillis() < until) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** The recorded incident {@code name} of testdata. */
    static Incident incident(String name) {
        Path dir = Path.of("..", "testdata", "incidents", name);
        try {
            return new IncidentReader().read(dir);
        } catch (IncidentFormatException e) {
            throw new AssertionError("incident " + name + " is malformed: " + e.problems(), e);
        }
    }

    /** Publishes the incident's topology on the topology topic. */
    static void publishTopology(KafkaProducer<String, String> p, String topic, Incident incident) {
        for (TopologyChange c : incident.topology().asChanges()) {
            send(p, topic, c.key(), c);
        }
    }

    /** The raw Doctor alarm of the host-down incident. */
    static Alarm hostDown() {
        return Alarm.raised(
                        "doctor", "compute-3", "edge-1", "compute.host.down", Severity.CRITICAL, T0)
                .withOriginalSeverity("critical");
    }

    /** The deduced alarm on an instance of compute-3, caused by the host alarm. */
    static Alarm instanceDown(String vm) {
        return Alarm.deduced(
                vm,
                "edge-1",
                "instance down",
                Severity.SEVERE,
                "HostDownCausesInstanceDown",
                List.of(hostDown().id()),
                T0.plusMillis(5));
    }

    /** Waits until {@code condition} holds, at most {@code wait}. */
    static void await(String what, Duration wait, BooleanSupplier condition) {
        long until = System.currentTimeMillis() + wait.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
