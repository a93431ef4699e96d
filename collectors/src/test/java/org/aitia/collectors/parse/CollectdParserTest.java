package org.aitia.collectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TelemetryEvent.Kind;
import org.junit.jupiter.api.Test;

class CollectdParserTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00.120Z");
    private final CollectdParser parser = new CollectdParser();

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A value list as collectd 5.12 write_http writes it. */
    static String values(
            String plugin,
            String pluginInstance,
            String type,
            String typeInstance,
            String dsnames,
            String values) {
        return "{\"values\":"
                + values
                + ",\"dstypes\":"
                + dsnames.replaceAll("\"[a-z_]+\"", "\"gauge\"")
                + ",\"dsnames\":"
                + dsnames
                + ",\"time\":1767261600.120,\"interval\":10.000,"
                + "\"host\":\"compute-3\",\"plugin\":\""
                + plugin
                + "\",\"plugin_instance\":\""
                + pluginInstance
                + "\",\"type\":\""
                + type
                + "\",\"type_instance\":\""
                + typeInstance
                + "\"}";
    }

    /** A notification in the Alertmanager shape collectd's JSON format gives it. */
    static String notification(String pluginLabel, String instance, String severity) {
        return "{\"labels\":{\"alertname\":\"collectd_interface_if_packets\",\"instance\":\"compute-3\","
                + "\""
                + pluginLabel
                + "\":\""
                + instance
                + "\",\"type\":\"rx\",\"severity\":\""
                + severity
                + "\",\"service\":\"collectd\"},\"annotations\":{\"summary\":\"link lost on "
                + instance
                + "\"},\"startsAt\":\"2026-01-01T10:00:00.120Z\"}";
    }

    @Test
    void shouldNameCpuMetricAfterPluginTypeAndTypeInstanceOnTheHost() throws Exception {
        TelemetryEvent e =
                parser.parse(
                                bytes(
                                        "["
                                                + values(
                                                        "cpu",
                                                        "",
                                                        "percent",
                                                        "active",
                                                        "[\"value\"]",
                                                        "[93.5]")
                                                + "]"))
                        .get(0);

        assertThat(e.kind()).isEqualTo(Kind.METRIC);
        assertThat(e.entityRef()).isEqualTo("compute-3");
        assertThat(e.name()).isEqualTo("cpu.percent.active");
        assertThat(e.value()).isEqualTo(93.5);
        assertThat(e.eventTime()).isEqualTo(T0);
    }

    @Test
    void shouldPutDpdkPortCountersOnTheDpdkPort() throws Exception {
        TelemetryEvent e =
                parser.parse(
                                bytes(
                                        "["
                                                + values(
                                                        "dpdkstat",
                                                        "dpdk0",
                                                        "if_rx_errors",
                                                        "rx_missed_errors",
                                                        "[\"value\"]",
                                                        "[41250.0]")
                                                + "]"))
                        .get(0);

        assertThat(e.entityRef()).isEqualTo("compute-3-dpdk0");
        assertThat(e.name()).isEqualTo("dpdkstat.if_rx_errors.rx_missed_errors");
        assertThat(e.value()).isEqualTo(41250.0);
    }

    @Test
    void shouldSplitInterfaceCountersPerDataSourceOnTheNic() throws Exception {
        List<TelemetryEvent> events =
                parser.parse(
                        bytes(
                                "["
                                        + values(
                                                "interface",
                                                "nic0",
                                                "if_octets",
                                                "",
                                                "[\"rx\",\"tx\"]",
                                                "[10,20]")
                                        + "]"));

        assertThat(events)
                .extracting(TelemetryEvent::name)
                .containsExactly("interface.if_octets.rx", "interface.if_octets.tx");
        assertThat(events)
                .allSatisfy(
                        e -> {
                            assertThat(e.entityRef()).isEqualTo("compute-3-nic0");
                            assertThat(e.labels()).containsEntry("host", "compute-3");
                        });
    }

    @Test
    void shouldSkipNullValuesThatCollectdWritesForNaN() throws Exception {
        assertThat(
                        parser.parse(
                                bytes(
                                        "["
                                                + values(
                                                        "memory",
                                                        "",
                                                        "memory",
                                                        "used",
                                                        "[\"value\"]",
                                                        "[null]")
                                                + "]")))
                .isEmpty();
    }

    @Test
    void shouldRaiseLinkDownOnTheNicForAFailingInterfaceNotification() throws Exception {
        TelemetryEvent e =
                parser.parse(bytes("[" + notification("interface", "nic0", "FAILURE") + "]"))
                        .get(0);

        assertThat(e.kind()).isEqualTo(Kind.FAULT);
        assertThat(e.name()).isEqualTo("linkDown");
        assertThat(e.entityRef()).isEqualTo("compute-3-nic0");
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.labels())
                .containsEntry("host", "compute-3")
                .containsEntry("interface", "nic0");
        assertThat(e.eventTime()).isEqualTo(T0);
    }

    @Test
    void shouldClearLinkDownWhenTheNotificationSaysOkay() throws Exception {
        assertThat(
                        parser.parse(bytes("[" + notification("interface", "nic0", "OKAY") + "]"))
                                .get(0)
                                .isClear())
                .isTrue();
    }

    @Test
    void shouldRejectMismatchedDsnamesNamingTheField() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        bytes(
                                                "["
                                                        + values(
                                                                "cpu",
                                                                "",
                                                                "percent",
                                                                "active",
                                                                "[\"a\",\"b\"]",
                                                                "[1]")
                                                        + "]")))
                .isInstanceOf(RejectedPayloadException.class)
                .hasMessageStartingWith("$[0].dsnames");
    }

    @Test
    void shouldRejectUnknownNotificationSeverityNamingTheField() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        bytes(
                                                "["
                                                        + notification("interface", "nic0", "PANIC")
                                                        + "]")))
                .hasMessageStartingWith("$[0].labels.severity");
    }

    @Test
    void shouldRejectAnObjectInsteadOfTheArray() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        bytes(
                                                values(
                                                        "cpu",
                                                        "",
                                                        "percent",
                                                        "active",
                                                        "[\"value\"]",
                                                        "[1]"))))
                .hasMessageStartingWith("$: expected a JSON array");
    }
}
