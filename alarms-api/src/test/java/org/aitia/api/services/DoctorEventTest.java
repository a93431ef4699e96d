package org.aitia.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.aitia.api.errors.ApiException;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.junit.jupiter.api.Test;

class DoctorEventTest {

    private static JsonNode body(String json) {
        return Json.read(json, JsonNode.class);
    }

    @Test
    void shouldRaiseAFaultNamedByTheTypeOnTheHostname() {
        TelemetryEvent e =
                EventService.parse(
                        body(
                                """
                {"time": "2016-04-12T08:00:00", "type": "compute.host.down",
                 "details": {"hostname": "compute-1", "source": "sample_monitor", "cause": "link-down",
                             "severity": "critical", "status": "down", "monitor_id": "monitor-1"}}"""));
        assertThat(e.kind()).isEqualTo(TelemetryEvent.Kind.FAULT);
        assertThat(e.entityRef()).isEqualTo("compute-1");
        assertThat(e.entityType()).isEqualTo("nova.host");
        assertThat(e.name()).isEqualTo("compute.host.down");
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.originalSeverity()).isEqualTo("critical");
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2016-04-12T08:00:00Z"));
        assertThat(e.source()).isEqualTo("doctor");
        assertThat(e.labels())
                .containsEntry("cause", "link-down")
                .containsEntry("monitor_id", "monitor-1");
    }

    @Test
    void shouldClearOnStatusUpAndDefaultToCriticalWithoutSeverity() {
        assertThat(
                        EventService.parse(
                                        body(
                                                "{\"event\": {\"time\": \"2026-01-01T00:00:00Z\", \"type\": \"x\","
                                                        + " \"details\": {\"hostname\": \"h\", \"status\": \"up\"}}}"))
                                .isClear())
                .isTrue();
        assertThat(
                        EventService.parse(
                                        body(
                                                "{\"time\": \"2026-01-01T00:00:00Z\", \"type\": \"x\","
                                                        + " \"details\": {\"hostname\": \"h\", \"status\": \"down\"}}"))
                                .severity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(
                        EventService.parse(
                                        body(
                                                "{\"time\": \"2026-01-01T00:00:00Z\", \"type\": \"other\","
                                                        + " \"details\": {\"hostname\": \"h\", \"status\": \"down\", \"severity\": \"minor\"}}"))
                                .entityType())
                .isNull();
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        assertThatThrownBy(() -> EventService.parse(body("{\"type\": \"x\", \"details\": {}}")))
                .isInstanceOf(ApiException.class)
                .hasMessage("time: required");
        assertThatThrownBy(
                        () ->
                                EventService.parse(
                                        body(
                                                "{\"time\": \"yesterday\", \"type\": \"x\","
                                                        + " \"details\": {\"hostname\": \"h\", \"status\": \"down\"}}")))
                .hasMessageStartingWith("time: expected an ISO-8601");
        assertThatThrownBy(
                        () ->
                                EventService.parse(
                                        body(
                                                "{\"time\": \"2026-01-01T00:00:00Z\", \"type\": \"x\","
                                                        + " \"details\": {\"hostname\": \"h\", \"status\": \"sideways\"}}")))
                .hasMessage("details.status: expected down or up but was sideways");
        assertThatThrownBy(
                        () ->
                                EventService.parse(
                                        body(
                                                "{\"time\": \"2026-01-01T00:00:00Z\", \"type\": \"x\","
                                                        + " \"details\": {\"hostname\": \"h\", \"status\": \"down\", \"severity\": \"apocalyptic\"}}")))
                .hasMessageContaining("details.severity");
    }
}
