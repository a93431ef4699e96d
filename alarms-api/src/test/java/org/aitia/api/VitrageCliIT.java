package org.aitia.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.aitia.testdata.stack.ElasticsearchNode;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code vitrage} command line (Debian's python3-vitrageclient) against the API on a real
 * Kafka broker and Elasticsearch node, after the host-down incident's topology and alarms were
 * published. Skips, saying why, when {@code vitrage} is not installed.
 */
class VitrageCliIT {
    private static final ApiConfig.Topics T = ApiConfig.Topics.defaults();
    private static KafkaBroker kafka;
    private static ElasticsearchNode es;
    private static AlarmsApi api;

    /** What a command printed. */
    record Run(int exit, String out, String err) {
        JsonNode json() {
            return Json.read(out, JsonNode.class);
        }
    }

    private static boolean vitrageInstalled() {
        for (String dir :
                System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (new File(dir, "vitrage").canExecute()) {
                return true;
            }
        }
        return false;
    }

    @BeforeAll
    static void startStack() {
        Assumptions.assumeTrue(
                vitrageInstalled(),
                "the vitrage command line is absent: install Debian's python3-vitrageclient (.ci/run does)");
        kafka = KafkaBroker.start();
        es = ElasticsearchNode.start();
        Stack.createTopics(kafka, T);
        try (KafkaProducer<String, String> p = Stack.producer(kafka)) {
            Stack.publishTopology(p, T.topology(), Stack.incident("host-down-doctor"));
            Stack.send(p, T.alarms(), Stack.hostDown().id(), Stack.hostDown());
            Stack.send(
                    p, T.alarms(), Stack.instanceDown("vm-17").id(), Stack.instanceDown("vm-17"));
            Stack.send(
                    p, T.alarms(), Stack.instanceDown("vm-18").id(), Stack.instanceDown("vm-18"));
        }
        api =
                AlarmsApi.start(
                        ApiConfig.defaults().withPort(0), kafka.bootstrapServers(), es.httpUrl());
        Stack.await(
                "the live view",
                Duration.ofSeconds(60),
                () -> api.alarms().size() == 3 && api.topology().graph().entityCount() == 6);
        api.markEngineReady();
    }

    @AfterAll
    static void stopStack() {
        if (api != null) {
            api.close();
        }
        if (es != null) {
            es.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Run vitrage(String... args) {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                "vitrage",
                                "--os-auth-type",
                                "vitrage-noauth",
                                "--endpoint",
                                api.url(),
                                "--user-id",
                                "operator",
                                "--project-id",
                                "admin-project",
                                "--roles",
                                "admin"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_") || k.startsWith("VITRAGE_"));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("vitrage " + String.join(" ", args) + " did not finish");
            }
            Run r =
                    new Run(
                            p.exitValue(),
                            new String(out, StandardCharsets.UTF_8),
                            new String(err, StandardCharsets.UTF_8));
            assertThat(r.exit())
                    .as(
                            "vitrage %s\nstdout: %s\nstderr: %s",
                            String.join(" ", args), r.out(), r.err())
                    .isZero();
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run vitrage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> column(JsonNode rows, String name) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path(name).asText(null)));
        return out;
    }

    private static String template(String name) {
        return Path.of("src", "test", "resources", "templates", name).toAbsolutePath().toString();
    }

    @Test
    void shouldShowTheTopology() {
        JsonNode g = vitrage("topology", "show").json();
        assertThat(column(g.get("nodes"), "vitrage_id"))
                .contains("compute-3", "vm-17", "edge-1-zone");
        assertThat(g.get("links").size()).isGreaterThanOrEqualTo(5);
        JsonNode tree =
                vitrage("topology", "show", "--graph-type", "tree", "--root", "edge-1-zone").json();
        assertThat(column(tree.get("children"), "vitrage_id"))
                .containsExactlyInAnyOrder("compute-3", "compute-4");
    }

    @Test
    void shouldListShowAndCountAlarms() {
        JsonNode rows = vitrage("alarm", "list", "-f", "json").json();
        assertThat(column(rows, "Resource ID")).containsExactly("compute-3", "vm-17", "vm-18");
        assertThat(column(rows, "Type")).containsExactly("doctor", "vitrage", "vitrage");
        assertThat(column(rows, "Severity")).containsExactly("CRITICAL", "SEVERE", "SEVERE");
        assertThat(column(rows, "Resource Type"))
                .containsExactly("nova.host", "nova.instance", "nova.instance");
        JsonNode shown = vitrage("alarm", "show", Stack.hostDown().id(), "-f", "json").json();
        assertThat(shown.get("name").asText()).isEqualTo("compute.host.down");
        assertThat(shown.get("vitrage_resource_id").asText()).isEqualTo("compute-3");
        JsonNode count = vitrage("alarm", "count").json();
        assertThat(count.get("critical").asInt()).isEqualTo(1);
        assertThat(count.get("severe").asInt()).isEqualTo(2);
    }

    @Test
    void shouldListTheAlarmHistory() {
        Stack.await(
                "the history in Elasticsearch",
                Duration.ofSeconds(30),
                () -> api.historyWriter().written() >= 3);
        Stack.await(
                "the history searchable",
                Duration.ofSeconds(30),
                () ->
                        vitrage("alarm", "history", "--start", "2026-01-01T09:00:00Z", "-f", "json")
                                        .json()
                                        .size()
                                == 3);
        JsonNode rows =
                vitrage(
                                "alarm",
                                "history",
                                "--start",
                                "2026-01-01T09:00:00Z",
                                "--end",
                                "2026-01-01T11:00:00Z",
                                "-f",
                                "json")
                        .json();
        assertThat(column(rows, "Resource ID")).containsExactly("compute-3", "vm-17", "vm-18");
        assertThat(column(rows, "Start Time")).first().isEqualTo("2026-01-01T10:00:00.450Z");
    }

    @Test
    void shouldShowTheRootCauseAnalysis() {
        JsonNode rca = vitrage("rca", "show", Stack.instanceDown("vm-17").id()).json();
        JsonNode nodes = rca.get("nodes");
        assertThat(column(nodes, "vitrage_resource_id"))
                .containsExactlyInAnyOrder("compute-3", "vm-17");
        assertThat(
                        nodes.get(rca.get("inspected_index").asInt())
                                .get("vitrage_resource_id")
                                .asText())
                .isEqualTo("vm-17");
    }

    @Test
    void shouldListAndShowResources() {
        JsonNode rows = vitrage("resource", "list", "-f", "json").json();
        assertThat(column(rows, "ID")).contains("compute-3", "vm-17", "edge-1-zone");
        assertThat(
                        column(
                                vitrage("resource", "list", "--type", "nova.host", "-f", "json")
                                        .json(),
                                "ID"))
                .containsExactly("compute-3", "compute-4");
        JsonNode one = vitrage("resource", "show", "vm-17", "-f", "json").json();
        assertThat(one.get("vitrage_type").asText()).isEqualTo("nova.instance");
        assertThat(one.get("name").asText()).isEqualTo("vfw-1");
    }

    @Test
    void shouldValidateAddListAndDeleteTemplates() {
        JsonNode valid =
                vitrage("template", "validate", "--path", template("doctor_host_down.yaml")).json();
        assertThat(valid.get("results").get(0).get("status").asText()).isEqualTo("validation OK");
        JsonNode invalid =
                vitrage("template", "validate", "--path", template("broken.yaml")).json();
        assertThat(invalid.get("results").get(0).get("status").asText())
                .isEqualTo("validation failed");
        assertThat(invalid.get("results").get(0).get("message").asText()).contains("missing_alarm");
        JsonNode added =
                vitrage(
                                "template",
                                "add",
                                "--path",
                                template("doctor_host_down.yaml"),
                                "-f",
                                "json")
                        .json();
        assertThat(column(added, "Status")).containsExactly("ACTIVE");
        String uuid = added.get(0).get("UUID").asText();
        assertThat(column(vitrage("template", "list", "-f", "json").json(), "Name"))
                .contains("doctor_host_down_causes_instance_down");
        vitrage("template", "delete", uuid);
        assertThat(column(vitrage("template", "list", "-f", "json").json(), "UUID"))
                .doesNotContain(uuid);
        List<ConsumerRecord<String, String>> rules =
                Stack.readAll(kafka, T.rules(), 2, Duration.ofSeconds(20));
        assertThat(rules)
                .extracting(ConsumerRecord::key)
                .containsOnly("doctor_host_down_causes_instance_down");
        assertThat(Json.read(rules.get(0).value(), JsonNode.class).get("kind").asText())
                .isEqualTo("vitrage");
        assertThat(rules.get(rules.size() - 1).value()).as("the delete is a tombstone").isNull();
    }

    @Test
    void shouldPostAnEventOntoTheTelemetryTopic() {
        vitrage(
                "event",
                "post",
                "--type",
                "compute.host.down",
                "--time",
                "2026-01-01T12:00:00",
                "--details",
                "{\"hostname\": \"compute-4\", \"status\": \"down\", \"severity\": \"critical\"}");
        List<ConsumerRecord<String, String>> recs =
                Stack.readAll(kafka, T.telemetry(), 1, Duration.ofSeconds(20));
        assertThat(recs).hasSize(1);
        TelemetryEvent e = Json.read(recs.get(0).value(), TelemetryEvent.class);
        assertThat(e.entityRef()).isEqualTo("compute-4");
        assertThat(e.name()).isEqualTo("compute.host.down");
        assertThat(e.source()).isEqualTo("doctor");
    }

    @Test
    void shouldAddListAndDeleteWebhooks() {
        JsonNode added =
                vitrage(
                                "webhook",
                                "add",
                                "--url",
                                "https://hooks.example/aitia",
                                "--regex_filter",
                                "{\"name\": \"host.*\"}",
                                "-f",
                                "json")
                        .json();
        String id = added.get("id").asText();
        assertThat(added.get("url").asText()).isEqualTo("https://hooks.example/aitia");
        assertThat(column(vitrage("webhook", "list", "-f", "json").json(), "ID")).contains(id);
        vitrage("webhook", "delete", id);
        assertThat(column(vitrage("webhook", "list", "-f", "json").json(), "ID"))
                .doesNotContain(id);
    }

    @Test
    void shouldListTheServices() {
        JsonNode rows = vitrage("service", "list", "-f", "json").json();
        assertThat(column(rows, "Name"))
                .contains("aitia-api", "aitia-api-live-feed", "aitia-api-history-writer");
    }
}
