package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aitia.model.Json;
import org.aitia.model.TopologyChange;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade publishes the static datasource on the compacted topology topic, keyed by change key.
 */
class TopologyIT {
    @TempDir Path dir;

    @Test
    void shouldPublishVitrageStaticFileOnCompactedTopologyTopicKeyedByEntityAndRelationship()
            throws Exception {
        Path yaml = dir.resolve("switch_and_nic.yaml");
        Files.copy(Path.of("src/test/resources/peers/vitrage/static/switch_and_nic.yaml"), yaml);
        CollectorsConfig config =
                CollectorsConfig.defaults()
                        .withPort(0)
                        .withDatasources(null, null, List.of(yaml.toString()), 200L);
        try (KafkaBroker kafka = KafkaBroker.builder().heap("384m").start();
                Collectors collectors = Collectors.start(config, kafka.bootstrapServers());
                TopicReader reader = new TopicReader(kafka.bootstrapServers(), "aitia.topology")) {
            List<TopicReader.Rec> recs = reader.readAtLeast(3, Duration.ofSeconds(30));

            assertThat(recs)
                    .extracting(TopicReader.Rec::key)
                    .containsExactlyInAnyOrder("nic-1", "switch-2", "nic-1|attached|switch-2");
            TopologyChange nic =
                    Json.read(
                            recs.stream()
                                    .filter(r -> r.key().equals("nic-1"))
                                    .findFirst()
                                    .orElseThrow()
                                    .value(),
                            TopologyChange.class);
            assertThat(nic.entity().type()).isEqualTo("nic");
            try (Admin admin =
                    Admin.create(
                            java.util.Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    kafka.bootstrapServers()))) {
                ConfigResource topic =
                        new ConfigResource(ConfigResource.Type.TOPIC, "aitia.topology");
                String policy =
                        admin.describeConfigs(List.of(topic))
                                .all()
                                .get()
                                .get(topic)
                                .get("cleanup.policy")
                                .value();
                assertThat(policy).isEqualTo("compact");
            }
        }
    }
}
