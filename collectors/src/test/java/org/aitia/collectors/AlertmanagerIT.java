package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's prometheus-alertmanager routes an alert to our webhook, firing then resolved. */
class AlertmanagerIT {
    @TempDir Path dir;

    @Test
    void shouldPublishFiringThenResolvedAlertFromRealAlertmanager() throws Exception {
        Path binary = Peer.require("prometheus-alertmanager", "prometheus-alertmanager");
        try (KafkaBroker kafka = KafkaBroker.builder().heap("384m").start();
                Collectors collectors =
                        Collectors.start(
                                CollectorsConfig.defaults().withPort(0),
                                kafka.bootstrapServers())) {
            int amPort = freePort();
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(
                    config,
                    "route:\n  receiver: aitia\n  group_by: ['alertname']\n  group_wait: 0s\n"
                            + "  group_interval: 1s\n  repeat_interval: 1h\nreceivers:\n- name: aitia\n"
                            + "  webhook_configs:\n  - url: http://127.0.0.1:"
                            + collectors.port()
                            + "/alertmanager\n    send_resolved: true\n");
            try (Peer am =
                    Peer.start(
                            dir.resolve("alertmanager.log"),
                            binary.toString(),
                            "--config.file=" + config,
                            "--storage.path=" + dir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + amPort,
                            "--cluster.listen-address=")) {
                waitReady(amPort, am);
                Instant start = Instant.parse("2026-01-01T10:00:00Z");
                postAlert(
                        amPort,
                        "[{\"labels\":{\"alertname\":\"NodeDown\",\"instance\":\"compute-9:9100\","
                                + "\"severity\":\"critical\"},\"annotations\":{\"summary\":\"node down\"},"
                                + "\"startsAt\":\""
                                + start
                                + "\"}]");
                try (TopicReader t = new TopicReader(kafka.bootstrapServers(), "aitia.telemetry")) {
                    List<TopicReader.Rec> firing = t.readAtLeast(1, Duration.ofSeconds(60));
                    assertThat(firing).as("alertmanager log:\n%s", am.log()).isNotEmpty();
                    TelemetryEvent raised = Json.read(firing.get(0).value(), TelemetryEvent.class);
                    assertThat(firing.get(0).key()).isEqualTo("compute-9");
                    assertThat(raised.name()).isEqualTo("NodeDown");
                    assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(raised.eventTime()).isEqualTo(start);

                    Instant end = Instant.now().minusSeconds(1);
                    postAlert(
                            amPort,
                            "[{\"labels\":{\"alertname\":\"NodeDown\",\"instance\":\"compute-9:9100\","
                                    + "\"severity\":\"critical\"},\"annotations\":{\"summary\":\"node down\"},"
                                    + "\"startsAt\":\""
                                    + start
                                    + "\",\"endsAt\":\""
                                    + end
                                    + "\"}]");
                    List<TopicReader.Rec> all =
                            t.readUntil(
                                    l -> l.stream().anyMatch(r -> r.value().contains("\"OK\"")),
                                    Duration.ofSeconds(60));
                    TelemetryEvent cleared =
                            all.stream()
                                    .map(r -> Json.read(r.value(), TelemetryEvent.class))
                                    .filter(TelemetryEvent::isClear)
                                    .findFirst()
                                    .orElseThrow(
                                            () ->
                                                    new AssertionError(
                                                            "no resolved event; alertmanager log:\n"
                                                                    + am.log()));
                    assertThat(cleared.entityRef()).isEqualTo("compute-9");
                    assertThat(cleared.name()).isEqualTo("NodeDown");
                }
            }
        }
    }

    private static void postAlert(int port, String json) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/api/v2/alerts"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(json))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static void waitReady(int port, Peer am) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (!am.alive()) {
                throw new AssertionError("alertmanager exited:\n" + am.log());
            }
            try {
                HttpResponse<String> r =
                        c.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/-/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("alertmanager not ready in 60 s:\n" + am.log());
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
