package org.aitia.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aitia.model.Entity;
import org.aitia.model.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyJsonTest {
    private static final String CANONICAL =
            """
            {"entities": [
               {"id": "compute-3", "type": "nova.host", "name": "compute-3", "site": "edge-1",
                "state": "AVAILABLE", "properties": {"ip": "10.0.0.3"}},
               {"id": "vm-17", "type": "nova.instance", "name": "vfw-1", "site": "edge-1",
                "state": "ACTIVE", "properties": {"vnf": "vfw"}}],
             "relationships": [{"source": "compute-3", "target": "vm-17", "type": "contains"}]}
            """;

    private static final String NODE_LINK =
            """
            {"directed": true, "multigraph": true, "graph": {},
             "nodes": [
               {"id": "compute-3", "vitrage_id": "v1", "vitrage_type": "nova.host", "vitrage_category": "RESOURCE",
                "name": "compute-3", "state": "available", "vitrage_aggregated_state": "AVAILABLE"},
               {"id": "vm-17", "vitrage_id": "v2", "vitrage_type": "nova.instance", "vitrage_category": "RESOURCE",
                "name": "vfw-1", "state": "ACTIVE"},
               {"vitrage_id": "a1", "vitrage_type": "zabbix", "vitrage_category": "ALARM", "name": "High CPU"}],
             "links": [
               {"source": 0, "target": 1, "relationship_type": "contains", "key": "contains"},
               {"source": 2, "target": 1, "relationship_type": "on", "key": "on"}]}
            """;

    @Test
    void shouldReadTheCanonicalTopologyJsonOfTheIncidentFormat() {
        EntityGraph g = EntityGraph.of(TopologyJson.read(CANONICAL));

        assertThat(g.entity("compute-3").orElseThrow().properties())
                .containsEntry("ip", "10.0.0.3");
        assertThat(g.byTypeAndName("nova.instance", "vfw-1")).map(Entity::id).contains("vm-17");
        assertThat(g.neighbours("compute-3", "contains", Direction.OUTGOING))
                .extracting(Entity::id)
                .containsExactly("vm-17");
    }

    @Test
    void shouldWriteWhatItReadsAndReadItBackEqual(@TempDir Path dir) throws Exception {
        Topology t = TopologyJson.read(CANONICAL);
        Path f = dir.resolve("topology.json");

        TopologyJson.write(t, f);

        assertThat(TopologyJson.read(f)).isEqualTo(t);
        assertThat(Files.readString(f))
                .contains("\"source\":\"compute-3\"")
                .doesNotContain("\"id\":\"compute-3|");
    }

    @Test
    void shouldImportAVitrageNodeLinkDumpSkippingAlarms() {
        EntityGraph g = EntityGraph.of(TopologyJson.read(NODE_LINK));

        assertThat(g.entityCount()).isEqualTo(2);
        assertThat(g.relationshipCount()).isEqualTo(1);
        assertThat(g.outgoing("compute-3")).hasSize(1);
    }

    @Test
    void shouldRejectJsonThatIsNeitherShapeSayingSo() {
        assertThatThrownBy(() -> TopologyJson.read("{\"vertices\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a topology");
        assertThatThrownBy(() -> TopologyJson.read("{\"entities\": [{\"id\": \"x\"}]}"))
                .hasMessageContaining("type must not be blank");
        assertThatThrownBy(() -> TopologyJson.read("{")).hasMessageContaining("not JSON");
    }
}
