package org.aitia.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.api.live.LiveAlarms;
import org.aitia.api.live.LiveTopology;
import org.aitia.api.security.Principal;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.junit.jupiter.api.Test;

class TopologyServiceTest {
    private static final Scope ALL = Scope.of(new Principal("root", "p", Set.of("admin")), true);

    private final LiveTopology topology = new LiveTopology();
    private final TopologyService service = new TopologyService(topology, new LiveAlarms());

    private void entity(String id, String type) {
        topology.apply(TopologyChange.upsert(Entity.of(id, type, id, "s")));
    }

    private void contains(String a, String b) {
        topology.apply(TopologyChange.upsert(new Relationship(a, b, Relationship.CONTAINS)));
    }

    @Test
    void shouldApplyARelationshipThatArrivesBeforeItsEnds() {
        contains("cluster", "zone");
        assertThat(topology.waiting()).isEqualTo(1);
        entity("cluster", "openstack.cluster");
        entity("zone", "nova.zone");
        assertThat(topology.waiting()).isZero();
        assertThat(topology.graph().outgoing("cluster")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRootTheTreeAtTheClusterAndLimitItsDepth() {
        entity("cluster", "openstack.cluster");
        entity("zone", "nova.zone");
        entity("host", "nova.host");
        entity("vm", "nova.instance");
        contains("cluster", "zone");
        contains("zone", "host");
        contains("host", "vm");
        Map<String, Object> tree =
                service.topology(ALL, new TopologyService.TopologyQuery("tree", 2, null, null));
        assertThat(tree.get("vitrage_id")).isEqualTo("cluster");
        Map<String, Object> zone = ((List<Map<String, Object>>) tree.get("children")).get(0);
        Map<String, Object> host = ((List<Map<String, Object>>) zone.get("children")).get(0);
        assertThat(host.get("vitrage_id")).isEqualTo("host");
        assertThat(host).as("depth 2 stops at the host").doesNotContainKey("children");
    }

    @Test
    void shouldRefuseATreeWhenAnEntityIsReachedTwice() {
        entity("cluster", "openstack.cluster");
        entity("a", "switch");
        entity("b", "switch");
        entity("port", "port");
        contains("cluster", "a");
        contains("cluster", "b");
        contains("a", "port");
        contains("b", "port");
        assertThatThrownBy(
                        () ->
                                service.topology(
                                        ALL,
                                        new TopologyService.TopologyQuery(
                                                "tree", null, null, null)))
                .hasMessage(
                        "the topology cannot be represented as a tree: port is reached twice from cluster");
        assertThatThrownBy(
                        () ->
                                service.topology(
                                        ALL,
                                        new TopologyService.TopologyQuery(
                                                "ring", null, null, null)))
                .hasMessage("graph_type must be graph or tree but was ring");
    }
}
