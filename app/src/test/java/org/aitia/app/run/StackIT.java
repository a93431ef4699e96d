package org.aitia.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.config.ConfigLoader;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code bin/aitia run} starts, on the shipped defaults (only the ports moved to free ones): a
 * Doctor event posted to the listener comes out of the Vitrage API as an alarm, and the healing
 * actions of the standard rules are recorded as dry-run.
 */
class StackIT {
    @TempDir Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void shouldTurnADoctorEventIntoAnAlarmOnTheApiAndDryRunActionsOnTheShippedDefaults()
            throws Exception {
        int api = freePort();
        int listeners = freePort();
        AitiaConfig config =
                ConfigLoader.load(
                        null,
                        Map.of(
                                "AITIA_KAFKA_EMBEDDED_PORT", Integer.toString(freePort()),
                                "AITIA_ELASTICSEARCH_EMBEDDED_PORT", Integer.toString(freePort()),
                                "AITIA_API_PORT", Integer.toString(api),
                                "AITIA_COLLECTORS_PORT", Integer.toString(listeners)));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (Stack stack =
                Stack.start(
                        config,
                        dir.resolve("data"),
                        Stack.Only.ALL,
                        false,
                        new PrintStream(progress, true))) {
            assertThat(stack.where())
                    .anySatisfy(l -> assertThat(l).contains("dry-run"))
                    .anySatisfy(l -> assertThat(l).contains(":" + api + "/v1"));
            String base = "http://127.0.0.1:" + api;
            assertThat(await(base + "/v1/status", n -> true, 200)).isNotNull();

            publishTopology(stack.bootstrapServers(), config.string("kafka.topics.topology"));
            Thread.sleep(2000); // the job reads the topology before the fault
            HttpResponse<String> posted =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:" + listeners + "/v1/event"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"time\":\""
                                                            + Instant.now()
                                                            + "\",\"type\":\"compute.host.down\","
                                                            + "\"details\":{\"hostname\":"
                                                            + "\"compute-1\",\"status\":\"down\","
                                                            + "\"monitor\":\"zabbix1\"}}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);

            JsonNode alarms =
                    await(
                            base + "/v1/alarm/?all_tenants=true",
                            n ->
                                    hasOne(
                                            n,
                                            a ->
                                                    a.path("name")
                                                            .asText()
                                                            .equals("compute.host.down")),
                            200);
            JsonNode hostDown = first(alarms, "compute.host.down");
            assertThat(hostDown.path("vitrage_resource_id").asText()).isEqualTo("compute-1");
            assertThat(hostDown.path("vitrage_resource_type").asText()).isEqualTo("nova.host");
            assertThat(hostDown.path("vitrage_operational_severity").asText())
                    .isEqualTo("CRITICAL");

            JsonNode actions =
                    await(
                            base + "/api/v1/actions",
                            n ->
                                    hasOne(
                                            n,
                                            a ->
                                                    a.path("type")
                                                                    .asText()
                                                                    .equals("nova.host.force_down")
                                                            && a.path("status")
                                                                    .asText()
                                                                    .equals("DRY_RUN")),
                            200);
            assertThat(actions.findValuesAsText("type"))
                    .contains("nova.host.force_down", "nova.server.reset_state");
        }
    }

    private static boolean hasOne(JsonNode array, Predicate<JsonNode> p) {
        for (JsonNode n : array) {
            if (p.test(n)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode first(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no alarm " + name + " in " + array);
    }

    /** Polls {@code url} (noauth admin headers) until it answers {@code status} and {@code ok}. */
    private JsonNode await(String url, Predicate<JsonNode> ok, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("x-user-id", "operator")
                                    .header("x-project-id", "admin")
                                    .header("x-roles", "admin")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == status) {
                JsonNode n = Json.mapper().readTree(r.body());
                if (ok.test(n)) {
                    return n;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " did not answer as expected within 90 s; last: " + last);
    }

    private static void publishTopology(String bootstrap, String topic) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            Instant now = Instant.now().minusSeconds(1);
            for (TopologyChange c :
                    new TopologyChange[] {
                        TopologyChange.upsert(
                                        Entity.of("compute-1", "nova.host", "compute-1", "edge-1"))
                                .at(now),
                        TopologyChange.upsert(Entity.of("vm-1", "nova.instance", "vfw-1", "edge-1"))
                                .at(now),
                        TopologyChange.upsert(new Relationship("compute-1", "vm-1", "contains"))
                                .at(now)
                    }) {
                producer.send(new ProducerRecord<>(topic, c.key(), Json.write(c))).get();
            }
        }
    }
}
