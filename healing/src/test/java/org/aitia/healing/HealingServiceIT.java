package org.aitia.healing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.aitia.healing.bench.OpenStackSimulator;
import org.aitia.model.ActionResult;
import org.aitia.model.ActionResult.Status;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.testdata.stack.ElasticsearchNode;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service against a real Kafka broker, a real Elasticsearch node and Nova in WireMock. */
class HealingServiceIT {
    static final String SERVICE = "e81d66a4-ddd3-4aba-8a84-171d1cb4d339";

    static KafkaBroker kafka;
    static ElasticsearchNode elasticsearch;
    static KafkaProducer<String, String> producer;

    @TempDir Path dir;
    OpenStackSimulator nova;
    KafkaConsumer<String, String> consumer;
    HealingConfig config;
    String actionsTopic;

    @BeforeAll
    static void startServers() {
        kafka = KafkaBroker.start();
        elasticsearch = ElasticsearchNode.start();
        for (String topic :
                List.of(
                        "aitia.actions",
                        "aitia.action-results",
                        "aitia.alarms",
                        "aitia.deadletter")) {
            kafka.createTopic(topic, 1, false);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    static void stopServers() {
        if (producer != null) {
            producer.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void start() {
        actionsTopic = "aitia.actions." + UUID.randomUUID();
        kafka.createTopic(actionsTopic, 1, false);
        nova = new OpenStackSimulator(20);
        nova.stubToken("tok-it", Instant.now().plus(Duration.ofHours(2)));
        nova.server()
                .stubFor(
                        put(urlMatching(OpenStackSimulator.NOVA + "/os-services/.*"))
                                .willReturn(
                                        aResponse().withStatus(200).withBody("{\"service\": {}}")));
        nova.server()
                .stubFor(
                        post(urlMatching(OpenStackSimulator.NOVA + "/servers/.*/action"))
                                .willReturn(aResponse().withStatus(202)));
        config =
                HealingConfig.defaults()
                        .withDryRun(false)
                        .withConsumerGroup("healing-" + UUID.randomUUID())
                        .withTopics(new HealingConfig.Topics(actionsTopic, null, null, null))
                        .withOpenStack(nova.config())
                        .withJournalPath(dir.resolve("journal.jsonl").toString())
                        .withGuard(
                                GuardConfig.builder()
                                        .storm(0.3, Duration.ofMinutes(2), 3)
                                        .siteHosts(Map.of("edge-7", 10))
                                        .build());
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of("aitia.action-results", "aitia.alarms", "aitia.deadletter"));
    }

    @AfterEach
    void stop() {
        consumer.close();
        nova.close();
    }

    static HealingAction action(
            String type, String target, String site, Map<String, String> params) {
        return HealingAction.of(
                type,
                target,
                site,
                params,
                List.of("a-" + UUID.randomUUID()),
                "HostDown",
                false,
                Instant.now());
    }

    void publish(HealingAction... actions) {
        for (HealingAction a : actions) {
            producer.send(new ProducerRecord<>(actionsTopic, a.id(), Json.write(a)));
        }
        producer.flush();
    }

    List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    List<ConsumerRecord<String, String>> awaitRecords(
            Predicate<List<ConsumerRecord<String, String>>> enough) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!enough.test(seen) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen;
    }

    List<ActionResult> results(String... ids) {
        List<String> wanted = List.of(ids);
        return seen.stream()
                .filter(r -> r.topic().equals("aitia.action-results") && wanted.contains(r.key()))
                .map(r -> Json.read(r.value(), ActionResult.class))
                .toList();
    }

    @Test
    void shouldExecuteActionsFromKafkaOnceAndAuditEachOutcomeAcrossARestart() throws Exception {
        HealingAction down =
                action(
                        "nova.host.force_down",
                        "host:compute-3",
                        "edge-1",
                        Map.of("service_id", SERVICE, "host", "compute-3"));
        HealingAction reset =
                action(
                        "nova.server.reset_state",
                        "vm-1",
                        "edge-1",
                        Map.of("server_id", "vm-1", "host", "compute-3"));
        try (HealingService service =
                HealingService.start(config, kafka.bootstrapServers(), elasticsearch.httpUrl())) {
            publish(down, reset);
            awaitRecords(s -> results(down.id(), reset.id()).size() == 2);
        }
        assertThat(results(down.id(), reset.id()))
                .extracting(ActionResult::status)
                .containsOnly(Status.SENT);
        nova.server()
                .verify(
                        1,
                        putRequestedFor(
                                        urlEqualTo(
                                                OpenStackSimulator.NOVA
                                                        + "/os-services/"
                                                        + SERVICE))
                                .withHeader("OpenStack-API-Version", equalTo("compute 2.53"))
                                .withRequestBody(equalToJson("{\"forced_down\": true}")));
        nova.server()
                .verify(
                        1,
                        postRequestedFor(
                                        urlEqualTo(
                                                OpenStackSimulator.NOVA + "/servers/vm-1/action"))
                                .withRequestBody(
                                        equalToJson(
                                                "{\"os-resetState\": {\"state\": \"error\"}}")));

        JsonNode audit = auditDocument(down.id() + "-SENT");
        assertThat(audit.path("found").asBoolean()).isTrue();
        assertThat(audit.path("_source").path("type").asText()).isEqualTo("nova.host.force_down");
        assertThat(audit.path("_source").path("site").asText()).isEqualTo("edge-1");
        assertThat(audit.path("_source").path("reason").asText())
                .isEqualTo("nova forced service " + SERVICE + " down");

        // a restart, and the same action delivered again (a producer retry, a replay)
        try (HealingService service =
                HealingService.start(config, kafka.bootstrapServers(), elasticsearch.httpUrl())) {
            HealingAction marker = action("nova.server.reboot", "vm-2", "edge-1", Map.of());
            publish(down, marker);
            awaitRecords(s -> results(marker.id()).size() == 1);
        }
        assertThat(results(down.id(), reset.id())).hasSize(2);
        nova.server()
                .verify(
                        1,
                        putRequestedFor(urlMatching(OpenStackSimulator.NOVA + "/os-services/.*")));
        assertThat(nova.server().findAll(anyRequestedFor(urlMatching("/compute/.*")))).hasSize(3);
    }

    @Test
    void shouldHoldForceDownsAndRaiseOnePartitionAlarmWhenASiteStormsThenSendWhatIsApproved()
            throws Exception {
        List<HealingAction> downs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            downs.add(
                    action(
                            "nova.host.force_down",
                            "host:edge7-c" + i,
                            "edge-7",
                            Map.of("service_id", "svc-" + i, "host", "edge7-c" + i)));
        }
        try (HealingService service =
                HealingService.start(config, kafka.bootstrapServers(), elasticsearch.httpUrl())) {
            publish(downs.toArray(HealingAction[]::new));
            String[] ids = downs.stream().map(HealingAction::id).toArray(String[]::new);
            awaitRecords(s -> results(ids).size() == 5);

            Map<String, Status> byId = new java.util.HashMap<>();
            results(ids).forEach(r -> byId.put(r.actionId(), r.status()));
            assertThat(downs.stream().map(d -> byId.get(d.id())).toList())
                    .containsExactly(
                            Status.SENT, Status.SENT, Status.SENT, Status.HELD, Status.HELD);
            List<Alarm> alarms =
                    seen.stream()
                            .filter(r -> r.topic().equals("aitia.alarms"))
                            .map(r -> Json.read(r.value(), Alarm.class))
                            .toList();
            assertThat(alarms).hasSize(1);
            assertThat(alarms.get(0).name()).isEqualTo("suspected monitoring or network partition");
            assertThat(alarms.get(0).site()).isEqualTo("edge-7");
            assertThat(service.pending()).hasSize(2);

            ActionResult approved = service.approve(downs.get(3).id()).get();
            ActionResult rejected = service.reject(downs.get(4).id(), "the site lost its uplink");
            assertThat(approved.status()).isEqualTo(Status.SENT);
            assertThat(rejected.status()).isEqualTo(Status.SUPPRESSED);
        }
        nova.server()
                .verify(
                        4,
                        putRequestedFor(urlMatching(OpenStackSimulator.NOVA + "/os-services/.*")));
        JsonNode held = auditDocument(downs.get(4).id() + "-HELD");
        JsonNode suppressed = auditDocument(downs.get(4).id() + "-SUPPRESSED");
        assertThat(held.path("_source").path("reason").asText())
                .startsWith("storm guard: 5 of 10 hosts");
        assertThat(suppressed.path("_source").path("reason").asText())
                .isEqualTo("rejected by an operator: the site lost its uplink");
    }

    @Test
    void shouldSendAnUnreadableActionToTheDeadLetterTopic() {
        try (HealingService service =
                HealingService.start(config, kafka.bootstrapServers(), null)) {
            producer.send(
                    new ProducerRecord<>(
                            actionsTopic,
                            "bad",
                            "{\"id\": \"act-x\", \"type\": \"nova.server.reboot\"}"));
            producer.flush();
            awaitRecords(s -> s.stream().anyMatch(r -> r.topic().equals("aitia.deadletter")));
        }
        ConsumerRecord<String, String> dead =
                seen.stream()
                        .filter(r -> r.topic().equals("aitia.deadletter"))
                        .findFirst()
                        .orElseThrow();
        assertThat(dead.value()).contains("target must not be blank").contains("act-x");
    }

    JsonNode auditDocument(String id) throws Exception {
        String index =
                "aitia-actions-"
                        + DateTimeFormatter.ofPattern("yyyy.MM.dd")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now());
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r;
        do {
            r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    elasticsearch.httpUrl()
                                                            + "/"
                                                            + index
                                                            + "/_doc/"
                                                            + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(r.statusCode())
                .as("audit document %s in %s: %s", id, index, r.body())
                .isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }
}
