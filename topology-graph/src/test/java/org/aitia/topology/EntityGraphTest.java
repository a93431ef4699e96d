package org.aitia.topology;

import static org.aitia.topology.Fixtures.down;
import static org.aitia.topology.Fixtures.host;
import static org.aitia.topology.Fixtures.instance;
import static org.aitia.topology.Fixtures.of;
import static org.aitia.topology.Fixtures.rel;
import static org.aitia.topology.Fixtures.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.topology.TopologyChangeRejectedException.Reason;
import org.junit.jupiter.api.Test;

class EntityGraphTest {

    private static EntityGraph hostWithTwoInstances() {
        EntityGraph g = new EntityGraph();
        g.applyAll(
                List.of(
                        up(host("compute-3")),
                        up(instance("vm-17")),
                        up(instance("vm-18")),
                        up("compute-3", "contains", "vm-17"),
                        up("compute-3", "contains", "vm-18")));
        return g;
    }

    @Test
    void shouldFindEntitiesByIdByTypeAndNameByTypeAndBySite() {
        EntityGraph g = hostWithTwoInstances();
        g.apply(up(new Entity("vm-19", "nova.instance", "vfw-1", "edge-2", null, Map.of())));

        assertThat(g.entity("vm-17")).map(Entity::type).contains("nova.instance");
        assertThat(g.entity("nope")).isEmpty();
        assertThat(g.byTypeAndName("nova.instance", "vfw-1")).map(Entity::id).contains("vm-19");
        assertThat(g.byTypeAndName("nova.host", "vfw-1")).isEmpty();
        assertThat(g.byType("nova.instance"))
                .extracting(Entity::id)
                .containsExactlyInAnyOrder("vm-17", "vm-18", "vm-19");
        assertThat(g.bySite("edge-2")).extracting(Entity::id).containsExactly("vm-19");
        assertThat(g.entityCount()).isEqualTo(4);
        assertThat(g.relationshipCount()).isEqualTo(2);
    }

    @Test
    void shouldListNeighboursByRelationshipTypeAndDirection() {
        EntityGraph g = hostWithTwoInstances();

        assertThat(g.neighbours("compute-3", "contains", Direction.OUTGOING))
                .extracting(Entity::id)
                .containsExactly("vm-17", "vm-18");
        assertThat(g.neighbours("compute-3", "contains", Direction.INCOMING)).isEmpty();
        assertThat(g.neighbours("vm-17", null, Direction.BOTH))
                .extracting(Entity::id)
                .containsExactly("compute-3");
        assertThat(g.neighbours("compute-3", "attached", Direction.BOTH)).isEmpty();
    }

    @Test
    void shouldBumpTheVersionOncePerChangeThatAltersTheGraph() {
        EntityGraph g = hostWithTwoInstances();
        assertThat(g.version()).isEqualTo(5);

        ApplyResult again = g.apply(up(instance("vm-17")));
        assertThat(again.changed()).isZero();
        assertThat(g.version()).isEqualTo(5);

        g.apply(up(instance("vm-17").withState("ERROR")));
        assertThat(g.version()).isEqualTo(6);
        assertThat(g.entity("vm-17")).map(Entity::state).contains("ERROR");
    }

    @Test
    void shouldTreatRepeatedUpsertsAndDeletesOfAbsentThingsAsNoOps() {
        EntityGraph g = hostWithTwoInstances();

        assertThat(g.apply(up("compute-3", "contains", "vm-17")).changed()).isZero();
        assertThat(g.apply(down("compute-3", "on", "vm-17")).changed()).isZero();
        assertThat(g.apply(TopologyChange.delete(instance("vm-99"))).changed()).isZero();
        assertThat(g.relationshipCount()).isEqualTo(2);
    }

    @Test
    void shouldDeleteTheRelationshipsOfADeletedEntity() {
        EntityGraph g = hostWithTwoInstances();

        g.apply(TopologyChange.delete(host("compute-3")));

        assertThat(g.entity("compute-3")).isEmpty();
        assertThat(g.relationshipCount()).isZero();
        assertThat(g.incoming("vm-17")).isEmpty();
        assertThat(g.byType("nova.host")).isEmpty();
    }

    @Test
    void shouldKeepBothSidesInTheOrderTheyWereAddedThroughAppendsRemovalsAndSnapshots() {
        EntityGraph g = new EntityGraph();
        g.apply(up(of("sw", "switch")));
        for (int i = 0; i < 6; i++) {
            g.applyAll(
                    List.of(
                            up(of("nic" + i, "nic")),
                            up(of("spine" + i, "switch")),
                            up("nic" + i, "attached", "sw"),
                            up("sw", "attached", "spine" + i)));
        }
        GraphSnapshot six = g.snapshot();

        g.apply(down("nic2", "attached", "sw"));
        g.apply(down("sw", "attached", "spine4"));
        g.applyAll(List.of(up(of("nic9", "nic")), up("nic9", "attached", "sw")));
        g.apply(up("sw", "attached", "spine2"));
        g.applyAll(List.of(up(of("spine7", "switch")), up("sw", "attached", "spine7")));
        g.apply(down("nic0", "attached", "sw"));

        assertThat(g.incoming("sw"))
                .extracting(Relationship::source)
                .containsExactly("nic1", "nic3", "nic4", "nic5", "nic9");
        assertThat(g.outgoing("sw"))
                .extracting(Relationship::target)
                .as("an existing relationship upserted again is not added twice")
                .containsExactly("spine0", "spine1", "spine2", "spine3", "spine5", "spine7");
        assertThat(g.neighbours("sw", "attached", Direction.INCOMING))
                .extracting(Entity::id)
                .containsExactly("nic1", "nic3", "nic4", "nic5", "nic9");
        assertThat(six.incoming("sw"))
                .as("the snapshot taken before the changes")
                .extracting(Relationship::source)
                .containsExactly("nic0", "nic1", "nic2", "nic3", "nic4", "nic5");
        assertThat(six.outgoing("sw"))
                .extracting(Relationship::target)
                .containsExactly("spine0", "spine1", "spine2", "spine3", "spine4", "spine5");
        six.close();

        g.apply(TopologyChange.delete(of("sw", "switch")));
        assertThat(g.incoming("nic1")).isEmpty();
        assertThat(g.outgoing("nic1")).isEmpty();
        assertThat(g.incoming("spine0")).isEmpty();
        assertThat(g.relationshipCount()).isZero();
    }

    @Test
    void shouldDeleteOneRelationshipAndKeepItsEnds() {
        EntityGraph g = hostWithTwoInstances();

        g.apply(down("compute-3", "contains", "vm-17"));

        assertThat(g.outgoing("compute-3")).containsExactly(rel("compute-3", "contains", "vm-18"));
        assertThat(g.contains("vm-17")).isTrue();
        assertThat(g.relationshipCount()).isEqualTo(1);
    }

    @Test
    void shouldRejectAnUnknownRelationshipTypeNamingIt() {
        EntityGraph g = hostWithTwoInstances();

        assertThatThrownBy(() -> g.apply(up("compute-3", "hosts", "vm-17")))
                .isInstanceOf(TopologyChangeRejectedException.class)
                .hasMessageContaining("unknown relationship type 'hosts'")
                .extracting(e -> ((TopologyChangeRejectedException) e).reason())
                .isEqualTo(Reason.UNKNOWN_RELATIONSHIP_TYPE);
        assertThat(g.version()).isEqualTo(5);
    }

    @Test
    void shouldRejectADanglingRelationshipNamingTheMissingEnd() {
        EntityGraph g = hostWithTwoInstances();

        assertThatThrownBy(() -> g.apply(up("compute-3", "contains", "vm-99")))
                .isInstanceOf(TopologyChangeRejectedException.class)
                .hasMessageContaining("target 'vm-99' is not in the graph")
                .extracting(e -> ((TopologyChangeRejectedException) e).reason())
                .isEqualTo(Reason.DANGLING_EDGE);
    }

    @Test
    void shouldRejectDuplicateIdsInATopology() {
        Topology t = new Topology(List.of(host("h1"), instance("h1")), List.<Relationship>of());

        assertThatThrownBy(() -> EntityGraph.of(t))
                .isInstanceOf(TopologyChangeRejectedException.class)
                .hasMessageContaining("duplicate entity id 'h1' (entities[0] and entities[1])")
                .extracting(e -> ((TopologyChangeRejectedException) e).reason())
                .isEqualTo(Reason.DUPLICATE_ID);
    }

    @Test
    void shouldNeverHalfApplyABatchThatFailsPartWay() {
        EntityGraph g = hostWithTwoInstances();
        List<TopologyChange> batch =
                List.of(
                        up(instance("vm-20")),
                        up("compute-3", "contains", "vm-20"),
                        up(host("compute-3").withState("ERROR")),
                        TopologyChange.delete(instance("vm-17")),
                        up("compute-3", "contains", "vm-404"));

        assertThatThrownBy(() -> g.applyAll(batch))
                .isInstanceOf(TopologyChangeRejectedException.class)
                .extracting(e -> ((TopologyChangeRejectedException) e).index())
                .isEqualTo(4);

        assertThat(g.version()).isEqualTo(5);
        assertThat(g.entity("vm-20")).isEmpty();
        assertThat(g.byType("nova.instance"))
                .extracting(Entity::id)
                .containsExactlyInAnyOrder("vm-17", "vm-18");
        assertThat(g.entity("compute-3")).map(Entity::state).contains("AVAILABLE");
        assertThat(g.outgoing("compute-3"))
                .containsExactly(
                        rel("compute-3", "contains", "vm-17"),
                        rel("compute-3", "contains", "vm-18"));
        assertThat(g.incoming("vm-17")).hasSize(1);
        assertThat(g.entityCount()).isEqualTo(3);
        assertThat(g.relationshipCount()).isEqualTo(2);
        g.apply(up(instance("vm-20")));
        assertThat(g.byType("nova.instance")).hasSize(3);
    }

    @Test
    void shouldNeverHalfApplyALoadIntoAnEmptyGraph() {
        EntityGraph g = new EntityGraph();
        Topology t =
                new Topology(
                        List.of(host("h1"), instance("i1")),
                        List.of(rel("h1", "contains", "i1"), rel("h1", "contains", "i2")));

        assertThatThrownBy(() -> g.load(t)).hasMessageContaining("target 'i2'");

        assertThat(g.entityCount()).isZero();
        assertThat(g.entity("h1")).isEmpty();
        assertThat(g.byType("nova.host")).isEmpty();
    }

    @Test
    void shouldKeepASnapshotAtItsVersionWhileTheWriterGoesOn() {
        EntityGraph g = hostWithTwoInstances();
        try (GraphSnapshot before = g.snapshot()) {
            g.apply(TopologyChange.delete(host("compute-3")));
            g.apply(up(instance("vm-17").withState("ERROR")));
            g.apply(up(new Entity("vm-18", "nova.instance", "renamed", "edge-9", null, Map.of())));

            assertThat(before.version()).isEqualTo(5);
            assertThat(before.entity("compute-3")).isPresent();
            assertThat(before.outgoing("compute-3")).hasSize(2);
            assertThat(before.entity("vm-17")).map(Entity::state).contains("ACTIVE");
            assertThat(before.byTypeAndName("nova.instance", "vm-18")).isPresent();
            assertThat(before.bySite("edge-1")).hasSize(3);
            assertThat(before.relationshipCount()).isEqualTo(2);

            assertThat(g.entity("compute-3")).isEmpty();
            assertThat(g.byTypeAndName("nova.instance", "renamed")).isPresent();
            assertThat(g.byTypeAndName("nova.instance", "vm-18")).isEmpty();
            assertThat(g.bySite("edge-9")).extracting(Entity::id).containsExactly("vm-18");
        }
        assertThat(g.openSnapshots()).isZero();
    }

    @Test
    void shouldRefuseReadsOfAClosedSnapshot() {
        EntityGraph g = hostWithTwoInstances();
        GraphSnapshot s = g.snapshot();
        s.close();

        assertThatThrownBy(() -> s.entity("vm-17"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void shouldRoundTripThroughItsTopology() {
        EntityGraph g = hostWithTwoInstances();

        Topology t = g.toTopology();
        EntityGraph copy = EntityGraph.of(t);

        assertThat(copy.toTopology()).isEqualTo(t);
        assertThat(t.entities())
                .extracting(Entity::id)
                .containsExactly("compute-3", "vm-17", "vm-18");
    }

    @Test
    void shouldAllowSelfLoopsAndParallelRelationshipsOfDifferentTypes() {
        EntityGraph g = hostWithTwoInstances();
        g.apply(up("vm-17", "uses", "vm-17"));
        g.apply(up("compute-3", "managed_by", "vm-17"));

        assertThat(g.relationshipCount()).isEqualTo(4);
        g.apply(TopologyChange.delete(instance("vm-17")));
        assertThat(g.relationshipCount()).isEqualTo(1);
        assertThat(g.outgoing("compute-3")).containsExactly(rel("compute-3", "contains", "vm-18"));
    }
}
