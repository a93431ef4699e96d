package org.aitia.model;

import static org.aitia.model.Fixtures.T0;
import static org.aitia.model.Fixtures.T1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaTest {

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    b ->
                            b.schemaMappers(
                                    m ->
                                            m.mapPrefix(
                                                    "https://aitia.org/schemas/",
                                                    "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static Set<ValidationMessage> validate(String schema, String json) throws Exception {
        JsonSchema s =
                FACTORY.getSchema(
                        SchemaLocation.of("https://aitia.org/schemas/" + schema + ".schema.json"),
                        CONFIG);
        JsonNode doc = Json.mapper().readTree(json);
        return s.validate(doc);
    }

    static Stream<Arguments> whatWeWrite() {
        HealingAction action = Fixtures.forceDown(T1);
        return Stream.of(
                Arguments.of("telemetry-event", Fixtures.linkDown("compute-3-nic0", T0)),
                Arguments.of("telemetry-event", Fixtures.cpu("compute-3", 0.5, T0)),
                Arguments.of("telemetry-event", Fixtures.hostState("compute-3", T0)),
                Arguments.of("alarm", Fixtures.nicAlarm(T0)),
                Arguments.of("alarm", Fixtures.instanceUnreachable(T1).cleared(T1)),
                Arguments.of("entity", Fixtures.host()),
                Arguments.of("relationship", Fixtures.hostContainsVm()),
                Arguments.of("topology-change", TopologyChange.upsert(Fixtures.host()).at(T0)),
                Arguments.of("topology-change", TopologyChange.delete(Fixtures.hostContainsVm())),
                Arguments.of(
                        "topology",
                        new Topology(
                                java.util.List.of(Fixtures.host()),
                                java.util.List.of(Fixtures.hostContainsVm()))),
                Arguments.of("healing-action", action),
                Arguments.of(
                        "action-result",
                        ActionResult.of(
                                action, ActionResult.Status.SUPPRESSED, "storm guard", 0, T1)),
                Arguments.of("dead-letter", new DeadLetter("ves", "bad", "{}", T0)),
                Arguments.of("state-change", new StateChange("compute-3", null, "ERROR", T0)));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("whatWeWrite")
    void shouldAcceptEveryDocumentWeWrite(String schema, Object contract) throws Exception {
        assertThat(validate(schema, Json.write(contract))).isEmpty();
    }

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of(
                        "telemetry-event",
                        "{\"kind\":\"METRIC\",\"entityRef\":\"h\",\"name\":\"cpu\",\"eventTime\":\"2026-01-01T10:00:00Z\",\"source\":\"collectd\"}",
                        "value"),
                Arguments.of(
                        "telemetry-event",
                        "{\"kind\":\"FAULT\",\"entityRef\":\"h\",\"name\":\"x\",\"severity\":\"MAJOR\",\"eventTime\":\"2026-01-01T10:00:00Z\",\"source\":\"ves\"}",
                        "severity"),
                Arguments.of(
                        "telemetry-event",
                        "{\"kind\":\"STATE\",\"entityRef\":\"h\",\"name\":\"x\",\"state\":\"down\",\"eventTime\":\"yesterday\",\"source\":\"doctor\"}",
                        "eventTime"),
                Arguments.of(
                        "telemetry-event",
                        "{\"kind\":\"NOISE\",\"entityRef\":\"h\",\"name\":\"x\",\"eventTime\":\"2026-01-01T10:00:00Z\",\"source\":\"ves\"}",
                        "kind"),
                Arguments.of(
                        "alarm",
                        "{\"id\":\"a-1\",\"source\":\"ves\",\"entityId\":\"h\",\"site\":\"default\",\"name\":\"x\",\"severity\":\"CRITICAL\",\"status\":\"GONE\",\"deduced\":false,\"causedBy\":[],\"rootCause\":true,\"firstSeen\":\"2026-01-01T10:00:00Z\",\"lastSeen\":\"2026-01-01T10:00:00Z\"}",
                        "status"),
                Arguments.of(
                        "alarm",
                        "{\"id\":\"a-1\",\"source\":\"ves\",\"entityId\":\"h\",\"name\":\"x\"}",
                        "required"),
                Arguments.of("entity", "{\"id\":\"\",\"type\":\"nova.host\"}", "id"),
                Arguments.of(
                        "relationship",
                        "{\"source\":\"a\",\"target\":\"b\",\"type\":\"loves\"}",
                        "type"),
                Arguments.of("topology-change", "{\"op\":\"upsert\"}", "entity"),
                Arguments.of(
                        "topology-change",
                        "{\"op\":\"merge\",\"entity\":{\"id\":\"a\",\"type\":\"nic\"}}",
                        "op"),
                Arguments.of(
                        "healing-action",
                        "{\"id\":\"act-1\",\"type\":\"reboot\",\"target\":\"h\",\"site\":\"s\",\"parameters\":{},\"alarmIds\":[\"a-1\"],\"dryRun\":false,\"requestedAt\":\"2026-01-01T10:00:00Z\"}",
                        "type"),
                Arguments.of(
                        "healing-action",
                        "{\"id\":\"act-1\",\"type\":\"nova.host.force_down\",\"target\":\"h\",\"site\":\"s\",\"parameters\":{},\"alarmIds\":[],\"dryRun\":false,\"requestedAt\":\"2026-01-01T10:00:00Z\"}",
                        "alarmIds"),
                Arguments.of(
                        "action-result",
                        "{\"actionId\":\"act-1\",\"type\":\"t.x\",\"target\":\"h\",\"status\":\"FAILED\",\"attempts\":1,\"at\":\"2026-01-01T10:00:00Z\"}",
                        "reason"));
    }

    @ParameterizedTest(name = "{0} rejects a document whose {2} is wrong")
    @MethodSource("brokenDocuments")
    void shouldRejectBrokenDocuments(String schema, String json, String what) throws Exception {
        Set<ValidationMessage> errors = validate(schema, json);

        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains(what);
    }
}
