package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's collectd writes cpu, memory and interface values and a notification to us. */
class CollectdIT {
    @TempDir Path dir;

    @Test
    void shouldPublishMetricsAndLinkNotificationFromRealCollectd() throws Exception {
        Path binary = Peer.require("collectd", "collectd");
        try (KafkaBroker kafka = KafkaBroker.builder().heap("384m").start();
                Collectors collectors =
                        Collectors.start(
                                CollectorsConfig.defaults().withPort(0),
                                kafka.bootstrapServers())) {
            Path conf = dir.resolve("collectd.conf");
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "Hostname \"collectd-it\"",
                            "FQDNLookup false",
                            "BaseDir \"" + dir + "\"",
                            "PIDFile \"" + dir.resolve("collectd.pid") + "\"",
                            "TypesDB \"/usr/share/collectd/types.db\"",
                            "Interval 1",
                            "LoadPlugin cpu",
                            "LoadPlugin memory",
                            "LoadPlugin interface",
                            "LoadPlugin threshold",
                            "LoadPlugin write_http",
                            "<Plugin cpu>",
                            "  ReportByCpu false",
                            "  ValuesPercentage true",
                            "</Plugin>",
                            "<Plugin interface>",
                            "  Interface \"lo\"",
                            "</Plugin>",
                            "<Plugin threshold>",
                            "  <Plugin \"interface\">",
                            "    Instance \"lo\"",
                            "    <Type \"if_packets\">",
                            "      DataSource \"rx\"",
                            "      FailureMin 1000000000",
                            "    </Type>",
                            "  </Plugin>",
                            "</Plugin>",
                            "<Plugin write_http>",
                            "  <Node \"aitia\">",
                            "    URL \"http://127.0.0.1:" + collectors.port() + "/collectd\"",
                            "    Format \"JSON\"",
                            "    Notifications true",
                            "    StoreRates true",
                            "    BufferSize 65536",
                            "  </Node>",
                            "</Plugin>",
                            ""));
            Instant before = Instant.now().minusSeconds(5);
            try (Peer collectd =
                            Peer.start(
                                    dir.resolve("collectd.log"),
                                    binary.toString(),
                                    "-f",
                                    "-C",
                                    conf.toString());
                    TopicReader t = new TopicReader(kafka.bootstrapServers(), "aitia.telemetry")) {
                List<TelemetryEvent> events =
                        t
                                .readUntil(
                                        l -> {
                                            if (!collectd.alive()) {
                                                return true;
                                            }
                                            List<String> v =
                                                    l.stream().map(TopicReader.Rec::value).toList();
                                            return v.stream()
                                                            .anyMatch(
                                                                    s ->
                                                                            s.contains(
                                                                                            "\"cpu.percent.active\"")
                                                                                    || s.contains(
                                                                                            "\"cpu.percent.user\""))
                                                    && v.stream()
                                                            .anyMatch(
                                                                    s ->
                                                                            s.contains(
                                                                                    "\"memory.memory.used\""))
                                                    && v.stream()
                                                            .anyMatch(
                                                                    s ->
                                                                            s.contains(
                                                                                    "\"interface.if_octets.rx\""))
                                                    && v.stream()
                                                            .anyMatch(
                                                                    s ->
                                                                            s.contains(
                                                                                            "\"linkDown\"")
                                                                                    && s.contains(
                                                                                            "\"CRITICAL\""));
                                        },
                                        Duration.ofSeconds(90))
                                .stream()
                                .map(r -> Json.read(r.value(), TelemetryEvent.class))
                                .toList();
                assertThat(events)
                        .as("collectd log:\n%s", collectd.log())
                        .anyMatch(
                                e ->
                                        e.name().equals("memory.memory.used")
                                                && e.entityRef().equals("collectd-it")
                                                && e.value() > 0);
                assertThat(events)
                        .anyMatch(
                                e ->
                                        e.name().equals("interface.if_octets.rx")
                                                && e.entityRef().equals("collectd-it-lo"));
                assertThat(events).anyMatch(e -> e.name().startsWith("cpu.percent."));
                TelemetryEvent link =
                        events.stream()
                                .filter(
                                        e ->
                                                e.name().equals("linkDown")
                                                        && e.severity().isProblem())
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new AssertionError(
                                                        "no failing linkDown in "
                                                                + events.stream()
                                                                        .filter(
                                                                                e ->
                                                                                        e.kind()
                                                                                                == TelemetryEvent
                                                                                                        .Kind
                                                                                                        .FAULT)
                                                                        .toList()));
                assertThat(link.entityRef()).isEqualTo("collectd-it-lo");
                assertThat(link.labels()).containsEntry("host", "collectd-it");
                assertThat(link.originalSeverity()).isEqualTo("FAILURE");
                assertThat(events).allMatch(e -> e.eventTime().isAfter(before));
            }
        }
    }
}
