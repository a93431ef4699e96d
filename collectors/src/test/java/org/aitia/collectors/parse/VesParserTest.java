package org.aitia.collectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TelemetryEvent.Kind;
import org.junit.jupiter.api.Test;

public class VesParserTest {
    private final VesParser any = new VesParser(VesParser.Mode.ANY);

    /** A bundled ONAP sample. */
    public static byte[] resourceBytes(String name) throws IOException {
        return resource(name);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = VesParserTest.class.getResourceAsStream("/ves/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A valid VES 7.2.1 fault event. */
    public static byte[] fault(String source, String condition, String severity, long micros) {
        return ("{\"event\":{\"commonEventHeader\":{\"domain\":\"fault\",\"eventId\":\"f-1\","
                        + "\"eventName\":\"Fault_vFW\",\"lastEpochMicrosec\":"
                        + micros
                        + ",\"priority\":\"High\",\"reportingEntityName\":\"ems-1\",\"sequence\":0,"
                        + "\"sourceName\":\""
                        + source
                        + "\",\"startEpochMicrosec\":"
                        + micros
                        + ",\"version\":\"4.1\",\"vesEventListenerVersion\":\"7.2.1\"},"
                        + "\"faultFields\":{\"alarmCondition\":\""
                        + condition
                        + "\",\"eventSeverity\":\""
                        + severity
                        + "\",\"eventSourceType\":\"virtualMachine\",\"faultFieldsVersion\":\"4.0\","
                        + "\"specificProblem\":\"link lost\",\"vfStatus\":\"Active\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAcceptOnapSingleFaultSampleAsCriticalFaultOnSourceName() throws Exception {
        List<TelemetryEvent> events = any.parse(resource("ves7_valid_30_1_1_event.json"));

        assertThat(events).hasSize(1);
        TelemetryEvent e = events.get(0);
        assertThat(e.kind()).isEqualTo(Kind.FAULT);
        assertThat(e.entityRef()).isEqualTo("scfx0001vm002cap001");
        assertThat(e.name()).isEqualTo("PilotNumberPoolExhaustion");
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.eventTime()).isEqualTo(Instant.ofEpochSecond(1413378172L));
        assertThat(e.labels())
                .containsEntry(
                        "specificProblem", "Calls cannot complete - pilot numbers are unavailable");
    }

    @Test
    void shouldAcceptOnapBatchSampleAsTwoFaults() throws Exception {
        List<TelemetryEvent> events =
                new VesParser(VesParser.Mode.BATCH).parse(resource("ves7_batch_valid.json"));

        assertThat(events)
                .extracting(TelemetryEvent::name)
                .containsExactly("PilotNumberPoolExhaustion", "RecordingServerUnreachable");
        assertThat(events.get(1).eventTime())
                .isEqualTo(Instant.ofEpochSecond(1413378172L, 10_000L));
    }

    @Test
    void shouldTurnOnapMeasurementSampleIntoCpuMemoryAndNicMetrics() throws Exception {
        List<TelemetryEvent> events = any.parse(resource("measurement7x.json"));

        assertThat(events)
                .allMatch(e -> e.kind() == Kind.METRIC && e.entityRef().equals("bgtnj05vmh01afx"));
        assertThat(events)
                .filteredOn(e -> e.name().equals("cpuUsage.cpu2.percentUsage"))
                .singleElement()
                .extracting(TelemetryEvent::value)
                .isEqualTo(0.52);
        assertThat(events)
                .filteredOn(e -> e.name().equals("memoryUsage.RAM.memoryFree"))
                .singleElement()
                .extracting(TelemetryEvent::value)
                .isEqualTo(6446628.0);
        assertThat(events)
                .filteredOn(e -> e.name().equals("nicPerformance.ens2.receivedTotalPacketsDelta"))
                .singleElement()
                .extracting(TelemetryEvent::value)
                .isEqualTo(7988.0);
        assertThat(events.get(0).eventTime())
                .isEqualTo(Instant.parse("2018-08-21T16:23:22.564759Z"));
    }

    @Test
    void shouldClearFaultWhenSeverityIsNormal() throws Exception {
        TelemetryEvent e =
                any.parse(fault("vfw-1", "linkDown", "NORMAL", 1767261600000000L)).get(0);

        assertThat(e.isClear()).isTrue();
        assertThat(e.originalSeverity()).isEqualTo("NORMAL");
    }

    @Test
    void shouldRejectUnknownSeverityNamingTheField() {
        assertThatThrownBy(() -> any.parse(fault("vfw-1", "linkDown", "BAD", 1L)))
                .isInstanceOf(RejectedPayloadException.class)
                .hasMessageContaining("$.event.faultFields.eventSeverity");
    }

    @Test
    void shouldRejectMissingSourceNameNamingTheField() {
        byte[] body =
                new String(fault("vfw-1", "x", "MAJOR", 1L), StandardCharsets.UTF_8)
                        .replace("\"sourceName\":\"vfw-1\",", "")
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> any.parse(body))
                .hasMessageContaining("$.event.commonEventHeader")
                .hasMessageContaining("sourceName");
    }

    @Test
    void shouldRejectInvalidIpv4AddressInPnfRegistration() {
        String body =
                "{\"event\":{\"commonEventHeader\":{\"domain\":\"pnfRegistration\",\"eventId\":\"p-1\","
                        + "\"eventName\":\"pnfRegistration_x\",\"lastEpochMicrosec\":1,\"priority\":\"Normal\","
                        + "\"reportingEntityName\":\"pnf-1\",\"sequence\":0,\"sourceName\":\"pnf-1\","
                        + "\"startEpochMicrosec\":1,\"version\":\"4.1\",\"vesEventListenerVersion\":\"7.2.1\"},"
                        + "\"pnfRegistrationFields\":{\"pnfRegistrationFieldsVersion\":\"2.1\","
                        + "\"oamV4IpAddress\":\"%s\"}}}";

        assertThatThrownBy(
                        () ->
                                any.parse(
                                        String.format(body, "10.0.0.300")
                                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("$.event.pnfRegistrationFields.oamV4IpAddress");
        assertThatThrownBy(
                        () ->
                                any.parse(
                                        String.format(body, "10.0.0.3")
                                                .replace("oamV4IpAddress", "oamV6IpAddress")
                                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("$.event.pnfRegistrationFields.oamV6IpAddress");
    }

    @Test
    void shouldAcceptValidIpAddressesInPnfRegistration() throws Exception {
        String body =
                "{\"event\":{\"commonEventHeader\":{\"domain\":\"pnfRegistration\",\"eventId\":\"p-1\","
                        + "\"eventName\":\"pnfRegistration_x\",\"lastEpochMicrosec\":1,\"priority\":\"Normal\","
                        + "\"reportingEntityName\":\"pnf-1\",\"sequence\":0,\"sourceName\":\"pnf-1\","
                        + "\"startEpochMicrosec\":1,\"version\":\"4.1\",\"vesEventListenerVersion\":\"7.2.1\"},"
                        + "\"pnfRegistrationFields\":{\"pnfRegistrationFieldsVersion\":\"2.1\","
                        + "\"oamV4IpAddress\":\"10.0.0.3\",\"oamV6IpAddress\":\"2001:db8::1\"}}}";

        assertThat(any.parse(body.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .extracting(TelemetryEvent::kind)
                .isEqualTo(Kind.STATE);
    }

    @Test
    void shouldRejectSingleEventOnBatchEndpoint() {
        assertThatThrownBy(
                        () ->
                                new VesParser(VesParser.Mode.BATCH)
                                        .parse(fault("a", "b", "MAJOR", 1L)))
                .hasMessageContaining("$.eventList");
    }

    @Test
    void shouldRejectMalformedJsonNamingLineAndColumn() {
        assertThatThrownBy(() -> any.parse("{\"event\": {".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("$: malformed JSON");
    }

    static byte[] event(String domain, String fields) {
        return ("{\"event\":{\"commonEventHeader\":{\"domain\":\""
                        + domain
                        + "\",\"eventId\":\"e-1\","
                        + "\"eventName\":\""
                        + domain
                        + "_vFW\",\"lastEpochMicrosec\":1767261600000000,"
                        + "\"priority\":\"Normal\",\"reportingEntityName\":\"ems-1\",\"sequence\":0,"
                        + "\"sourceName\":\"vfw-1\",\"startEpochMicrosec\":1767261590000000,"
                        + "\"version\":\"4.1\",\"vesEventListenerVersion\":\"7.2.1\"},"
                        + fields
                        + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldTurnHeartbeatIntoAliveStateCarryingTheInterval() throws Exception {
        TelemetryEvent e =
                any.parse(
                                event(
                                        "heartbeat",
                                        "\"heartbeatFields\":{\"heartbeatFieldsVersion\":\"3.0\",\"heartbeatInterval\":60}"))
                        .get(0);

        assertThat(e.kind()).isEqualTo(Kind.STATE);
        assertThat(e.name()).isEqualTo("heartbeat");
        assertThat(e.state()).isEqualTo("alive");
        assertThat(e.labels()).containsEntry("heartbeatInterval", "60");
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void shouldTurnVnicDroppedPacketsIntoAMetricPerNic() throws Exception {
        List<TelemetryEvent> events =
                any.parse(
                        event(
                                "measurement",
                                "\"measurementFields\":{\"measurementFieldsVersion\":\"4.0\","
                                        + "\"measurementInterval\":10,\"nicPerformanceArray\":[{\"nicIdentifier\":\"eth1\","
                                        + "\"valuesAreSuspect\":\"false\",\"receivedDiscardedPacketsDelta\":42}],"
                                        + "\"additionalMeasurements\":[{\"name\":\"dpdk\",\"hashMap\":{\"rxMiss\":\"7\",\"mode\":\"poll\"}}]}"));

        assertThat(events)
                .extracting(TelemetryEvent::name, TelemetryEvent::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "nicPerformance.eth1.receivedDiscardedPacketsDelta", 42.0),
                        org.assertj.core.groups.Tuple.tuple("dpdk.rxMiss", 7.0));
        assertThat(events.get(0).labels()).containsEntry("measurementInterval", "10");
    }

    @Test
    void shouldTurnStateChangeIntoStateOfTheInterface() throws Exception {
        TelemetryEvent e =
                any.parse(
                                event(
                                        "stateChange",
                                        "\"stateChangeFields\":{\"stateChangeFieldsVersion\":\"4.0\","
                                                + "\"stateInterface\":\"eth1\",\"newState\":\"outOfService\",\"oldState\":\"inService\"}"))
                        .get(0);

        assertThat(e.name()).isEqualTo("stateChange.eth1");
        assertThat(e.state()).isEqualTo("outOfService");
    }
}
