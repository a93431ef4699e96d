package org.aitia.model;

import static org.aitia.model.Fixtures.T0;
import static org.aitia.model.Fixtures.T1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRoundTripTest {

    static Stream<Object> everyContract() {
        HealingAction action = Fixtures.forceDown(T1);
        return Stream.of(
                Fixtures.linkDown("compute-3-nic0", T0),
                Fixtures.cpu("compute-3", 0.93, T0),
                Fixtures.hostState("compute-3", T0),
                Fixtures.nicAlarm(T0),
                Fixtures.instanceUnreachable(T1),
                Fixtures.nicAlarm(T0).cleared(T1),
                Fixtures.host(),
                Entity.of("vm-17", "nova.instance", "vfw-1", null),
                Fixtures.hostContainsVm(),
                TopologyChange.upsert(Fixtures.host()).at(T0),
                TopologyChange.delete(Fixtures.hostContainsVm()),
                new Topology(List.of(Fixtures.host()), List.of(Fixtures.hostContainsVm())),
                action,
                ActionResult.of(action, ActionResult.Status.DRY_RUN, null, 0, T1),
                ActionResult.of(action, ActionResult.Status.FAILED, "409 Conflict", 1, T1),
                new DeadLetter("ves", "event.commonEventHeader.domain is missing", "{}", T0),
                new StateChange("compute-3", "edge-1", "ERROR", T1));
    }

    @ParameterizedTest
    @MethodSource("everyContract")
    void shouldReadBackEveryContractExactlyAsWritten(Object contract) {
        String json = Json.write(contract);

        Object back = Json.read(json, contract.getClass());

        assertThat(back).isEqualTo(contract);
        assertThat(Json.write(back)).isEqualTo(json);
    }

    @Test
    void shouldWriteInstantsAsIsoStringsAndSeverityNaAsVitrageDoes() throws Exception {
        TelemetryEvent event =
                TelemetryEvent.fault("compute-3", "probe", Severity.NA, T0, "alertmanager");

        JsonNode json = Json.mapper().readTree(Json.write(event));

        assertThat(json.get("eventTime").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(json.get("severity").asText()).isEqualTo("N/A");
        assertThat(json.has("value")).as("nulls are left out").isFalse();
    }

    @Test
    void shouldWriteTopologyOpsInLowerCaseAsTheIncidentFormatDoes() throws Exception {
        String json = Json.write(TopologyChange.delete(Fixtures.hostContainsVm()));

        assertThat(Json.mapper().readTree(json).get("op").asText()).isEqualTo("delete");
        assertThat(
                        Json.read(
                                        "{\"op\":\"upsert\",\"entity\":{\"id\":\"vm-18\",\"type\":\"nova.instance\",\"name\":\"vfw-2\"}}",
                                        TopologyChange.class)
                                .entity()
                                .site())
                .isEqualTo("default");
    }

    @Test
    void shouldNameTheInvalidFieldWhenJsonBreaksAConstructorRule() {
        assertThatThrownBy(
                        () ->
                                Json.read(
                                        "{\"kind\":\"METRIC\",\"entityRef\":\"h\",\"name\":\"cpu\","
                                                + "\"eventTime\":\"2026-01-01T10:00:00Z\",\"source\":\"collectd\"}",
                                        TelemetryEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid TelemetryEvent")
                .hasMessageContaining("value");
    }

    @Test
    void shouldReportMalformedJsonAsAnInvalidArgument() {
        assertThatThrownBy(() -> Json.read("{\"id\": ", Entity.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid Entity");
    }

    @Test
    void shouldIgnorePropertiesAddedByANewerProducer() {
        Entity e = Json.read("{\"id\":\"h\",\"type\":\"nova.host\",\"rack\":\"r1\"}", Entity.class);

        assertThat(e.id()).isEqualTo("h");
        assertThat(e.properties()).isEmpty();
    }

    @Test
    void shouldAcceptNumericPropertiesFromATopologyFileAsText() {
        Entity e =
                Json.read(
                        "{\"id\":\"h\",\"type\":\"nova.host\",\"properties\":{\"cores\":32}}",
                        Entity.class);

        assertThat(e.properties()).containsEntry("cores", "32");
    }

    @Test
    void shouldKeepEventTimeExactToTheMillisecond() {
        Instant at = Instant.parse("2026-01-01T10:00:00.123Z");
        TelemetryEvent back =
                Json.read(Json.write(Fixtures.cpu("h", 1.0, at)), TelemetryEvent.class);

        assertThat(back.eventTime()).isEqualTo(at);
    }
}
