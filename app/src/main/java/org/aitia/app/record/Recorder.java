package org.aitia.app.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an incident from a running stack: the topology as it stands when recording starts (the
 * compacted topology topic read to its end), then for the duration every request body the listeners
 * accepted (the raw topic, exactly as the sources sent it) and every topology change, as {@code
 * events.jsonl}. The expectations are left for the user to fill in.
 */
public final class Recorder {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private final String bootstrapServers;
    private final String rawTopic;
    private final String topologyTopic;

    public Recorder(String bootstrapServers, String rawTopic, String topologyTopic) {
        this.bootstrapServers = bootstrapServers;
        this.rawTopic = rawTopic;
        this.topologyTopic = topologyTopic;
    }

    /** What was recorded. */
    public record Summary(int entities, int relationships, int events) {}

    public Summary record(Path out, Duration duration, String name) throws IOException {
        if (Files.exists(out.resolve("incident.yaml"))) {
            throw new IOException(out + " already holds an incident; choose another --out");
        }
        Files.createDirectories(out);
        Map<String, Entity> entities = new LinkedHashMap<>();
        Map<String, Relationship> relationships = new LinkedHashMap<>();
        Instant start;
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> topo = partitions(consumer, topologyTopic);
            consumer.assign(topo);
            consumer.seekToBeginning(topo);
            Map<TopicPartition, Long> ends = consumer.endOffsets(topo);
            while (!reached(consumer, ends)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    applySnapshot(r, entities, relationships);
                }
            }
            start = Instant.now();
            List<TopicPartition> live = new ArrayList<>(topo);
            live.addAll(partitions(consumer, rawTopic));
            consumer.assign(live);
            consumer.seekToEnd(partitions(consumer, rawTopic));
            for (TopicPartition p : partitions(consumer, rawTopic)) {
                consumer.position(p);
            }
            LOG.info("recording {} and {} for {}", rawTopic, topologyTopic, duration);
            long deadline = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String line = eventLine(r, start);
                    if (line != null) {
                        lines.add(line);
                    }
                }
            }
        }
        writeTopology(out.resolve("topology.json"), entities, relationships);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("events.jsonl"))) {
            for (String l : lines) {
                w.write(l);
                w.newLine();
            }
        }
        Files.writeString(out.resolve("incident.yaml"), incidentYaml(name, start, duration));
        return new Summary(entities.size(), relationships.size(), lines.size());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "aitia-record-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        var infos = c.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException(
                    "topic " + topic + " does not exist: is the stack running?");
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void applySnapshot(
            ConsumerRecord<byte[], byte[]> r,
            Map<String, Entity> entities,
            Map<String, Relationship> relationships) {
        if (r.value() == null) {
            return; // a tombstone: the key is already gone from the compacted view
        }
        TopologyChange c = Json.read(r.value(), TopologyChange.class);
        boolean upsert = c.op() == TopologyChange.Op.UPSERT;
        if (c.entity() != null) {
            if (upsert) {
                entities.put(c.entity().id(), c.entity());
            } else {
                entities.remove(c.entity().id());
                relationships
                        .values()
                        .removeIf(
                                rel ->
                                        rel.source().equals(c.entity().id())
                                                || rel.target().equals(c.entity().id()));
            }
        } else if (upsert) {
            relationships.put(c.relationship().id(), c.relationship());
        } else {
            relationships.remove(c.relationship().id());
        }
    }

    private String eventLine(ConsumerRecord<byte[], byte[]> r, Instant start) throws IOException {
        ObjectNode line = Json.mapper().createObjectNode();
        if (r.topic().equals(topologyTopic)) {
            if (r.value() == null) {
                return null;
            }
            line.put("at_ms", Math.max(0, r.timestamp() - start.toEpochMilli()));
            line.put("source", "topology");
            line.set("payload", Json.mapper().readTree(r.value()));
            return line.toString();
        }
        JsonNode envelope = Json.mapper().readTree(r.value());
        Instant received = Instant.parse(envelope.path("received_at").asText(start.toString()));
        line.put("at_ms", Math.max(0, Duration.between(start, received).toMillis()));
        line.put("source", envelope.path("source").asText());
        line.set("payload", envelope.get("payload"));
        return line.toString();
    }

    private static void writeTopology(
            Path file, Map<String, Entity> entities, Map<String, Relationship> relationships)
            throws IOException {
        Topology t =
                new Topology(
                        new ArrayList<>(entities.values()),
                        new ArrayList<>(relationships.values()));
        Files.writeString(
                file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(t));
    }

    private static String incidentYaml(String name, Instant start, Duration duration) {
        return "format: 1\n"
                + "name: "
                + Json.write(name)
                + "\n"
                + "description: >\n  Recorded by aitia record for "
                + duration
                + ". Describe what happened.\n"
                + "start: "
                + start
                + "\n"
                + "# Fill in what a correct engine concludes, then check it with aitia replay:\n"
                + "# expect:\n"
                + "#   root_causes:\n"
                + "#     - entity: <entity id>\n"
                + "#   consequences:\n"
                + "#     - entity: <entity id>\n"
                + "#   actions:\n"
                + "#     - type: nova.host.force_down\n"
                + "#       target: <entity id>\n"
                + "#   within_ms: 1000\n";
    }
}
