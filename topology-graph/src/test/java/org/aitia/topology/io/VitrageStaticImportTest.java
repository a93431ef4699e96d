package org.aitia.topology.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.topology.Direction;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class VitrageStaticImportTest {

    @Test
    void shouldImportVitragesSwitchAndNicExample() {
        Topology t =
                VitrageStaticImport.read(
                        Path.of("src/test/resources/peers/vitrage/static/switch_and_nic.yaml"));
        EntityGraph g = EntityGraph.of(t);

        Entity nic = g.byTypeAndName("nic", "nic-1").orElseThrow();
        Entity sw = g.byTypeAndName("switch", "switch-2").orElseThrow();
        assertThat(nic.id()).isEqualTo("12345");
        assertThat(nic.properties()).containsEntry("static_id", "nic-1");
        assertThat(g.outgoing(nic.id()))
                .containsExactly(new Relationship("12345", "23456", "attached"));
        assertThat(g.neighbours(sw.id(), "attached", Direction.INCOMING)).containsExactly(nic);
        assertThat(g.state(sw.id()).orElseThrow().operational()).isEqualTo("OK");
    }

    @Test
    void shouldRejectARelationshipToAnUndeclaredEntityNamingIt() {
        String yaml =
                "definitions:\n  entities:\n  - {static_id: a, type: nic}\n  relationships:\n"
                        + "  - {source: a, target: b, relationship_type: attached}\n";

        assertThatThrownBy(
                        () ->
                                VitrageStaticImport.read(
                                        new ByteArrayInputStream(
                                                yaml.getBytes(StandardCharsets.UTF_8)),
                                        "s.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("s.yaml: relationships[0]: names b, which no entity declares");
    }

    @Test
    void shouldRejectAFileWithoutDefinitions() {
        assertThatThrownBy(
                        () ->
                                VitrageStaticImport.read(
                                        new ByteArrayInputStream(
                                                "metadata: {}\n".getBytes(StandardCharsets.UTF_8)),
                                        "s.yaml"))
                .hasMessageContaining("s.yaml: definitions");
    }
}
