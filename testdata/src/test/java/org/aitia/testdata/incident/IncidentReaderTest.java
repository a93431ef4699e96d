package org.aitia.testdata.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentReaderTest {
    private static final Path LIBRARY = Path.of("incidents");
    private static final String YAML =
            """
            format: 1
            name: test incident
            start: 2026-01-01T10:00:00Z
            expect:
              root_causes:
                - entity: compute-3
                  alarm: compute.host.down
              states:
                compute-3: ERROR
            """;
    private static final String TOPOLOGY =
            """
            {"entities": [
              {"id": "compute-3", "type": "nova.host"},
              {"id": "vm-17", "type": "nova.instance"}
            ],
             "relationships": [{"source": "compute-3", "target": "vm-17", "type": "contains"}]}
            """;
    private static final String DOCTOR =
            "{\"at_ms\": 10, \"source\": \"doctor\", \"payload\": {\"type\": \"compute.host.down\"}}";

    @TempDir Path dir;
    private final IncidentReader reader = new IncidentReader();

    private Path incident(String yaml, String topology, String events) throws IOException {
        Files.writeString(dir.resolve("incident.yaml"), yaml);
        Files.writeString(dir.resolve("topology.json"), topology);
        Files.writeString(dir.resolve("events.jsonl"), events);
        return dir;
    }

    private List<String> problemsOf(Path incident) {
        try {
            reader.read(incident);
        } catch (IncidentFormatException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("the incident was read without a problem");
    }

    @Test
    void shouldReadEveryIncidentOfTheLibrary() throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(LIBRARY)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).hasSizeGreaterThanOrEqualTo(3);
        for (Path d : dirs) {
            Incident incident = reader.read(d);
            assertThat(incident.name()).as(d.toString()).isNotBlank();
            assertThat(incident.events()).as(d.toString()).isNotEmpty();
        }
    }

    @Test
    void shouldReadTheHostDownIncidentWithItsExpectations() throws Exception {
        Incident incident = reader.read(LIBRARY.resolve("host-down-doctor"));

        assertThat(incident.start()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(incident.topology().entities())
                .extracting(e -> e.id())
                .contains("compute-3", "vm-17");
        assertThat(incident.events())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.source()).isEqualTo("doctor");
                            assertThat(e.atMs()).isEqualTo(450);
                            assertThat(e.payload().path("details").path("hostname").asText())
                                    .isEqualTo("compute-3");
                        });
        Expectations x = incident.expect();
        assertThat(x.rootCauses())
                .containsExactly(new Expectations.RootCause("compute-3", "compute.host.down"));
        assertThat(x.actions())
                .contains(new Expectations.Action("nova.host.force_down", "compute-3"));
        assertThat(x.states()).containsEntry("compute-3", "ERROR");
        assertThat(x.withinMs()).isEqualTo(1000L);
    }

    @Test
    void shouldNameTheLineOfBadJsonInEvents() throws Exception {
        Path d =
                incident(
                        YAML,
                        TOPOLOGY,
                        DOCTOR + "\n" + DOCTOR + "\n{\"at_ms\": 20, \"source\": \n");

        assertThat(problemsOf(d))
                .singleElement()
                .asString()
                .startsWith(d.resolve("events.jsonl") + ":3: bad JSON");
    }

    @Test
    void shouldReportAtMsGoingBackwards() throws Exception {
        String earlier = DOCTOR.replace("10", "5");
        Path d = incident(YAML, TOPOLOGY, DOCTOR + "\n" + earlier + "\n");

        assertThat(problemsOf(d))
                .containsExactly(
                        d.resolve("events.jsonl") + ":2: at_ms goes backwards: 5 after 10");
    }

    @Test
    void shouldReportAnUnknownSourceListingTheKnownOnes() throws Exception {
        Path d = incident(YAML, TOPOLOGY, DOCTOR.replace("doctor\"", "nagios\""));

        assertThat(problemsOf(d))
                .singleElement()
                .asString()
                .contains(
                        ":1: unknown source 'nagios' (expected one of ves, collectd, alertmanager, doctor, topology)");
    }

    @Test
    void shouldReportAnExpectedEntityMissingFromTheTopologyWithItsYamlLine() throws Exception {
        Path d = incident(YAML.replace("compute-3: ERROR", "compute-9: ERROR"), TOPOLOGY, DOCTOR);

        assertThat(problemsOf(d))
                .singleElement()
                .asString()
                .isEqualTo(
                        d.resolve("incident.yaml")
                                + ":9: expected entity 'compute-9' is not in the topology (topology.json) nor upserted by events.jsonl");
    }

    @Test
    void shouldAcceptAnExpectedEntityThatTheEventsUpsert() throws Exception {
        String upsert =
                "{\"at_ms\": 20, \"source\": \"topology\", \"payload\": {\"op\": \"upsert\", \"entity\": {\"id\": \"compute-9\", \"type\": \"nova.host\"}}}";
        Path d =
                incident(
                        YAML.replace("compute-3: ERROR", "compute-9: ERROR"),
                        TOPOLOGY,
                        DOCTOR + "\n" + upsert);

        assertThat(reader.read(d).events()).hasSize(2);
    }

    @Test
    void shouldReportEveryProblemAtOnce() throws Exception {
        Path d =
                incident(
                        YAML.replace("format: 1", "format: 2").replace("root_causes", "root_cause"),
                        TOPOLOGY.replace("\"contains\"", "\"loves\""),
                        "{\"source\": \"doctor\", \"payload\": {}}\n");

        assertThat(problemsOf(d))
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains(":1: format 2 is not supported"))
                .anySatisfy(p -> assertThat(p).contains(":5: unknown key 'root_cause' in expect"))
                .anySatisfy(p -> assertThat(p).contains("has unknown type 'loves'"))
                .anySatisfy(
                        p ->
                                assertThat(p)
                                        .contains("events.jsonl:1: at_ms must be a whole number"));
    }

    @Test
    void shouldReportADanglingRelationshipAndADuplicateEntityWithTheirLines() throws Exception {
        String topology =
                """
                {"entities": [
                  {"id": "compute-3", "type": "nova.host"},
                  {"id": "compute-3", "type": "nova.host"}
                ],
                 "relationships": [{"source": "compute-3", "target": "vm-99", "type": "contains"}]}
                """;
        Path d = incident(YAML, topology, DOCTOR);

        assertThat(problemsOf(d))
                .containsExactlyInAnyOrder(
                        d.resolve("topology.json") + ":3: duplicate entity id 'compute-3'",
                        d.resolve("topology.json")
                                + ":5: relationship compute-3|contains|vm-99 names unknown entity 'vm-99'");
    }

    @Test
    void shouldReportMissingFilesAndRequiredKeys() throws Exception {
        Files.writeString(dir.resolve("incident.yaml"), "format: 1\n");

        assertThat(problemsOf(dir))
                .contains(
                        dir.resolve("incident.yaml") + ":1: 'name' is required",
                        dir.resolve("incident.yaml") + ":1: 'start' is required",
                        dir.resolve("topology.json") + ": topology.json is missing",
                        dir.resolve("events.jsonl") + ": events.jsonl is missing");
    }

    @Test
    void shouldReadAVitrageNodeLinkDumpAsTheTopology() throws Exception {
        String nodeLink =
                """
                {"directed": true, "multigraph": true, "graph": {},
                 "nodes": [
                   {"id": "compute-3", "vitrage_id": "v1", "vitrage_type": "nova.host", "vitrage_category": "RESOURCE", "name": "compute-3"},
                   {"id": "vm-17", "vitrage_id": "v2", "vitrage_type": "nova.instance", "vitrage_category": "RESOURCE", "name": "vfw-1"},
                   {"vitrage_id": "v3", "vitrage_type": "vitrage", "vitrage_category": "ALARM", "name": "x"}
                 ],
                 "links": [{"source": 0, "target": 1, "relationship_type": "contains", "key": "contains"},
                           {"source": 2, "target": 0, "relationship_type": "on", "key": "on"}]}
                """;
        Path d = incident(YAML, nodeLink, DOCTOR);

        Incident incident = reader.read(d);
        assertThat(incident.topology().entities())
                .extracting(e -> e.id())
                .containsExactly("compute-3", "vm-17");
        assertThat(incident.topology().relationships())
                .singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo("compute-3|contains|vm-17"));
    }

    @Test
    void shouldRefuseAFileInsteadOfAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("x.yaml"), YAML);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(IncidentFormatException.class)
                .hasMessageContaining("not a folder");
    }
}
