package org.aitia.testdata.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir Path tmp;

    @Test
    void shouldDeliverAProducedRecordToAConsumer() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(tmp.resolve("kafka"))) {
            kafka.createTopic("aitia.telemetry", 2, false);

            produce(kafka, "aitia.telemetry", "compute-3", "nic down");

            assertThat(consume(kafka, "aitia.telemetry", 1))
                    .extracting(r -> r.key() + "=" + r.value())
                    .containsExactly("compute-3=nic down");
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        }
    }

    @Test
    void shouldKeepRecordsAcrossAKillAndRestartOnTheSamePort() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(tmp.resolve("kafka"))) {
            String bootstrap = kafka.bootstrapServers();
            kafka.createTopic("aitia.alarms", 1, false);
            produce(kafka, "aitia.alarms", "a1", "before the crash");

            kafka.kill();
            assertThat(kafka.isRunning()).isFalse();
            kafka.restart();

            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            produce(kafka, "aitia.alarms", "a2", "after the restart");
            assertThat(consume(kafka, "aitia.alarms", 2))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before the crash", "after the restart");
        }
    }

    @Test
    void shouldCreateCompactedTopics() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start()) {
            kafka.createTopic("aitia.topology", 3, true);

            try (Admin admin = admin(kafka)) {
                TopicDescription topic =
                        admin.describeTopics(Set.of("aitia.topology"))
                                .allTopicNames()
                                .get(10, TimeUnit.SECONDS)
                                .get("aitia.topology");
                ConfigResource resource =
                        new ConfigResource(ConfigResource.Type.TOPIC, "aitia.topology");
                String policy =
                        admin.describeConfigs(Set.of(resource))
                                .all()
                                .get(10, TimeUnit.SECONDS)
                                .get(resource)
                                .get("cleanup.policy")
                                .value();
                assertThat(topic.partitions()).hasSize(3);
                assertThat(policy).isEqualTo("compact");
            }
        }
    }

    @Test
    void shouldDeleteItsTemporaryDataDirectoryOnClose() {
        Path dataDir;
        try (KafkaBroker kafka = KafkaBroker.start()) {
            dataDir = kafka.dataDir();
            assertThat(kafka.logFile()).exists();
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void shouldExplainAFailedStartWithTheBrokersLog() {
        assertThatThrownBy(
                        () ->
                                KafkaBroker.builder()
                                        .dataDir(tmp.resolve("bad"))
                                        .property("num.network.threads", "not-a-number")
                                        .startupTimeout(Duration.ofSeconds(30))
                                        .start())
                .isInstanceOf(StackException.class)
                .hasMessageContaining("last lines of")
                .hasMessageContaining("num.network.threads");
        assertThat(Files.exists(tmp.resolve("bad").resolve("kafka.log"))).isTrue();
    }

    private static Admin admin(KafkaBroker kafka) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return Admin.create(props);
    }

    private static void produce(KafkaBroker kafka, String topic, String key, String value)
            throws Exception {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consume(
            KafkaBroker kafka, String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + System.nanoTime(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
