package org.aitia.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.incident.IncidentReader;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderIT {
    @TempDir Path dir;

    private static String raw(String source, String payload) {
        return "{\"source\":\""
                + source
                + "\",\"received_at\":\""
                + Instant.now()
                + "\",\"request\":\"r-1\",\"payload\":"
                + payload
                + "}";
    }

    @Test
    void shouldWriteAnIncidentThatTheReaderAcceptsWithTopologyBeforeAndEventsDuring()
            throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopic("aitia.topology", 2, true);
            broker.createTopic("aitia.raw", 2, false);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                Entity host = Entity.of("compute-3", "nova.host", "compute-3", "edge-1");
                Entity vm = Entity.of("vm-17", "nova.instance", "vfw-1", "edge-1");
                Entity gone = Entity.of("vm-99", "nova.instance", "old", "edge-1");
                for (TopologyChange c :
                        new TopologyChange[] {
                            TopologyChange.upsert(host),
                            TopologyChange.upsert(vm),
                            TopologyChange.upsert(gone),
                            TopologyChange.upsert(
                                    new Relationship("compute-3", "vm-17", "contains")),
                            TopologyChange.delete(gone)
                        }) {
                    producer.send(new ProducerRecord<>("aitia.topology", c.key(), Json.write(c)))
                            .get();
                }
                Recorder recorder =
                        new Recorder(broker.bootstrapServers(), "aitia.raw", "aitia.topology");
                CompletableFuture<Recorder.Summary> recording =
                        CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        return recorder.record(
                                                dir.resolve("incident"),
                                                Duration.ofSeconds(6),
                                                "recorded host down");
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                Thread.sleep(3000);
                String doctor =
                        "{\"time\":\"2026-01-01T10:00:00.450Z\",\"type\":\"compute.host.down\",\"details\":{\"hostname\":\"compute-3\",\"status\":\"down\",\"severity\":\"critical\"}}";
                producer.send(new ProducerRecord<>("aitia.raw", "doctor", raw("doctor", doctor)))
                        .get();
                Entity late = Entity.of("vm-18", "nova.instance", "vlb-1", "edge-1");
                producer.send(
                                new ProducerRecord<>(
                                        "aitia.topology",
                                        late.id(),
                                        Json.write(TopologyChange.upsert(late))))
                        .get();

                Recorder.Summary summary = recording.get();

                assertThat(summary.entities()).isEqualTo(2);
                assertThat(summary.relationships()).isEqualTo(1);
                assertThat(summary.events()).isEqualTo(2);
            }
        }
        Incident incident = new IncidentReader().read(dir.resolve("incident"));
        assertThat(incident.name()).isEqualTo("recorded host down");
        assertThat(incident.topology().entities())
                .extracting(Entity::id)
                .containsExactlyInAnyOrder("compute-3", "vm-17");
        assertThat(incident.events())
                .extracting(e -> e.source())
                .containsExactlyInAnyOrder("doctor", "topology");
        assertThat(
                        incident.events().stream()
                                .filter(e -> e.source().equals("doctor"))
                                .findFirst()
                                .orElseThrow()
                                .payload()
                                .path("details")
                                .path("hostname")
                                .asText())
                .isEqualTo("compute-3");
        assertThat(
                        new String(
                                java.nio.file.Files.readAllBytes(
                                        dir.resolve("incident/incident.yaml")),
                                StandardCharsets.UTF_8))
                .contains("# expect:");
    }
}
