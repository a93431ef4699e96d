package org.aitia.topology.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.topology.Direction;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class PathAndSubgraphTest {
    private final EntityGraph g = SmallCloud.graph();

    @Test
    void shouldFindTheShortestPathIgnoringDirection() {
        var path = new BidirectionalShortestPath().path(g, "vm1", "vm4").orElseThrow();

        assertThat(path.getLength()).isEqualTo(4);
        assertThat(path.getStartVertex()).isEqualTo("vm1");
        assertThat(path.getEndVertex()).isEqualTo("vm4");
        assertThat(path.getVertexList()).containsExactly("vm1", "h1", "zone", "h2", "vm4");
    }

    @Test
    void shouldFollowRelationshipsAsWrittenWhenAskedTo() {
        ShortestPath outgoing = new BidirectionalShortestPath(Direction.OUTGOING);

        assertThat(outgoing.path(g, "zone", "vm1").orElseThrow().getEdgeList())
                .containsExactly(
                        new Relationship("zone", "h1", "contains"),
                        new Relationship("h1", "vm1", "contains"));
        assertThat(outgoing.path(g, "vm1", "zone")).isEmpty();
        assertThat(new BidirectionalShortestPath(Direction.INCOMING).path(g, "vm1", "zone"))
                .isPresent();
    }

    @Test
    void shouldFindNoPathToAnAbsentEntityAndAnEmptyPathToItself() {
        assertThat(new BidirectionalShortestPath().path(g, "vm1", "ghost")).isEmpty();
        assertThat(new BidirectionalShortestPath().path(g, "vm1", "vm1").orElseThrow().getLength())
                .isZero();
    }

    @Test
    void shouldReturnTheEntitiesWithinDepthAndTheRelationshipsBetweenThem() {
        Subgraph s = new BreadthFirstSubgraph().around(g, "h1", 1);

        assertThat(s.topology().entities())
                .extracting(Entity::id)
                .containsExactly("h1", "h1-nic0", "vm1", "vm2", "vm3", "zone");
        assertThat(s.topology().relationships()).hasSize(5);
        assertThat(s.truncated()).isFalse();
        assertThat(new BreadthFirstSubgraph().around(g, "h1", 0).topology().entities()).hasSize(1);
        assertThat(new BreadthFirstSubgraph().around(g, "h1", 2).topology().entities())
                .extracting(Entity::id)
                .contains("tor1", "p1", "c1", "h2", "h3");
    }

    @Test
    void shouldFollowOnlyTheAskedDirectionAndStopAtTheEntityLimit() {
        Subgraph out = new BreadthFirstSubgraph(Direction.OUTGOING, 100).around(g, "h1", 5);
        assertThat(out.topology().entities()).extracting(Entity::id).doesNotContain("zone", "c1");

        Subgraph capped = new BreadthFirstSubgraph(Direction.BOTH, 3).around(g, "h1", 5);
        assertThat(capped.topology().entities()).hasSize(3);
        assertThat(capped.truncated()).isTrue();
    }

    @Test
    void shouldReturnAnEmptySubgraphForAnAbsentRootAndRejectANegativeDepth() {
        assertThat(new BreadthFirstSubgraph().around(g, "ghost", 2).topology().entities())
                .isEmpty();
        assertThatThrownBy(() -> new BreadthFirstSubgraph().around(g, "h1", -1))
                .hasMessageContaining("depth must be >= 0");
    }

    @Test
    void shouldListNeighboursOfOneTypeByRelationshipAndDirection() {
        NeighbourQuery instances =
                new TypedNeighbourQuery("contains", Direction.OUTGOING, "nova.instance");

        assertThat(instances.neighbours(g, "h1"))
                .extracting(Entity::id)
                .containsExactly("vm1", "vm2", "vm3");
        assertThat(instances.neighbours(g, "h3")).isEmpty();
        assertThat(
                        new TypedNeighbourQuery("attached", Direction.INCOMING, null)
                                .neighbours(g, "tor1"))
                .extracting(Entity::id)
                .containsExactly("h1-nic0", "h2-nic0");
    }
}
