package org.aitia.collectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.junit.jupiter.api.Test;

class AlertmanagerParserTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");
    private final AlertmanagerParser parser = new AlertmanagerParser();

    static byte[] webhook(String status, String labels) {
        return ("{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"NodeDown\\\"}\",\"status\":\""
                        + status
                        + "\",\"receiver\":\"aitia\",\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},"
                        + "\"externalURL\":\"http://am:9093\",\"truncatedAlerts\":0,\"alerts\":[{\"status\":\""
                        + status
                        + "\",\"labels\":"
                        + labels
                        + ",\"annotations\":{\"summary\":\"node down\"},"
                        + "\"startsAt\":\""
                        + T0
                        + "\",\"endsAt\":\""
                        + ("resolved".equals(status) ? T1 : "0001-01-01T00:00:00Z")
                        + "\",\"generatorURL\":\"http://prom:9090/graph\",\"fingerprint\":\"a1b2c3\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRaiseFiringAlertOnInstanceWithPortStrippedAtStartsAt() throws Exception {
        TelemetryEvent e =
                parser.parse(
                                webhook(
                                        "firing",
                                        "{\"alertname\":\"NodeDown\",\"instance\":\"compute-3:9100\",\"severity\":\"critical\"}"))
                        .get(0);

        assertThat(e.entityRef()).isEqualTo("compute-3");
        assertThat(e.name()).isEqualTo("NodeDown");
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.eventTime()).isEqualTo(T0);
        assertThat(e.labels())
                .containsEntry("annotation.summary", "node down")
                .containsEntry("fingerprint", "a1b2c3");
    }

    @Test
    void shouldClearResolvedAlertAtEndsAt() throws Exception {
        TelemetryEvent e =
                parser.parse(
                                webhook(
                                        "resolved",
                                        "{\"alertname\":\"NodeDown\",\"host\":\"compute-3\"}"))
                        .get(0);

        assertThat(e.isClear()).isTrue();
        assertThat(e.eventTime()).isEqualTo(T1);
    }

    @Test
    void shouldPreferResourceLabelThenInstanceThenHostThenPod() throws Exception {
        assertThat(
                        parser.parse(
                                        webhook(
                                                "firing",
                                                "{\"alertname\":\"A\",\"resource\":\"nic-1\",\"instance\":\"h:1\"}"))
                                .get(0)
                                .entityRef())
                .isEqualTo("nic-1");
        assertThat(
                        parser.parse(
                                        webhook(
                                                "firing",
                                                "{\"alertname\":\"A\",\"pod\":\"web-0\",\"host\":\"h\"}"))
                                .get(0)
                                .entityRef())
                .isEqualTo("h");
        assertThat(
                        parser.parse(webhook("firing", "{\"alertname\":\"A\",\"pod\":\"web-0\"}"))
                                .get(0)
                                .entityRef())
                .isEqualTo("web-0");
        assertThat(
                        parser.parse(
                                        webhook(
                                                "firing",
                                                "{\"alertname\":\"A\",\"instance\":\"[2001:db8::1]:9100\"}"))
                                .get(0)
                                .entityRef())
                .isEqualTo("2001:db8::1");
    }

    @Test
    void shouldDefaultFiringAlertWithoutSeverityToWarning() throws Exception {
        assertThat(
                        parser.parse(webhook("firing", "{\"alertname\":\"A\",\"host\":\"h\"}"))
                                .get(0)
                                .severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void shouldRejectAlertNamingNoResource() {
        assertThatThrownBy(() -> parser.parse(webhook("firing", "{\"alertname\":\"A\"}")))
                .hasMessageStartingWith("$.alerts[0].labels: names no resource");
    }

    @Test
    void shouldRejectOtherWebhookVersions() {
        byte[] v3 =
                new String(
                                webhook("firing", "{\"alertname\":\"A\",\"host\":\"h\"}"),
                                StandardCharsets.UTF_8)
                        .replace("\"version\":\"4\"", "\"version\":\"3\"")
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(v3)).hasMessageStartingWith("$.version");
    }
}
