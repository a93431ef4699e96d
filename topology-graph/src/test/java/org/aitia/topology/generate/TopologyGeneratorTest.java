package org.aitia.topology.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.topology.Direction;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class TopologyGeneratorTest {
    private static final Topology T = new TopologyGenerator(7).generate(20_000);
    private static final EntityGraph G = EntityGraph.of(T);

    @Test
    void shouldGenerateExactlyTheEntitiesAskedForAndAtLeastTwoRelationshipsEach() {
        assertThat(T.entities()).hasSize(20_000);
        assertThat(T.relationships().size()).isGreaterThanOrEqualTo(40_000);
        assertThat(G.entityCount()).isEqualTo(20_000);
    }

    @Test
    void shouldGenerateTheSameTopologyForTheSameSeedAndAnotherForAnother() {
        assertThat(new TopologyGenerator(7).generate(20_000)).isEqualTo(T);
        assertThat(new TopologyGenerator(8).generate(20_000)).isNotEqualTo(T);
    }

    @Test
    void shouldGiveHostOneOfEveryRackFiftyInstances() {
        String host = TopologyGenerator.bigHostId(1, 2);

        assertThat(host).isEqualTo("s1-r2-h1");
        assertThat(G.neighbours(host, "contains", Direction.OUTGOING))
                .filteredOn(e -> e.type().equals("nova.instance"))
                .hasSize(TopologyGenerator.BIG_HOST_INSTANCES)
                .extracting(Entity::id)
                .contains(
                        TopologyGenerator.instanceId(host, 1),
                        TopologyGenerator.instanceId(host, 50));
    }

    @Test
    void shouldAttachEachHostsNicsToItsRacksTorAndGiveItAnOvsBridgeWithDpdkPorts() {
        String host = TopologyGenerator.hostId(1, 3, 5);
        String nic = TopologyGenerator.nicId(host, 1);

        assertThat(G.outgoing(nic))
                .contains(new Relationship(nic, TopologyGenerator.torId(1, 3), "attached"));
        assertThat(G.incoming(nic)).contains(new Relationship(host, nic, "contains"));
        assertThat(G.neighbours(host + "-br", "contains", Direction.OUTGOING))
                .extracting(Entity::type)
                .containsExactly("dpdk.port", "dpdk.port");
        assertThat(G.outgoing(TopologyGenerator.torId(1, 3)))
                .extracting(Relationship::target)
                .containsExactly("s1-spine1", "s1-spine2");
    }

    @Test
    void shouldPutInstancesAndPodsOnNetworksThroughPorts() {
        String vm = TopologyGenerator.instanceId(TopologyGenerator.hostId(1, 1, 2), 1);

        List<Entity> ports = G.neighbours(vm, "attached", Direction.INCOMING);
        assertThat(ports).extracting(Entity::type).containsOnly("neutron.port").hasSize(2);
        assertThat(G.neighbours(ports.get(0).id(), "contains", Direction.INCOMING))
                .extracting(Entity::type)
                .containsExactly("neutron.network");
        assertThat(G.byType("kubernetes.pod")).isNotEmpty();
        Entity pod = G.byType("kubernetes.pod").get(0);
        assertThat(G.neighbours(pod.id(), "attached", Direction.INCOMING)).hasSize(1);
    }

    @Test
    void shouldComposeVnfsOfVnfcsOnDifferentHostsAndChainThemSomeMixingVmAndContainerVnfs() {
        for (Entity vnf : G.byType("vnf")) {
            List<Entity> vnfcs = G.neighbours(vnf.id(), "comprises", Direction.OUTGOING);
            assertThat(vnfcs)
                    .as(vnf.id())
                    .isNotEmpty()
                    .extracting(Entity::type)
                    .containsOnly("vnfc");
            Set<String> kinds =
                    vnfcs.stream()
                            .map(c -> G.neighbours(c.id(), "on", Direction.OUTGOING).get(0).type())
                            .collect(Collectors.toSet());
            assertThat(kinds).as(vnf.id()).hasSize(1);
        }
        List<Entity> mixed =
                G.byType("network_service").stream()
                        .filter(c -> "true".equals(c.properties().get("mixed")))
                        .toList();
        assertThat(mixed).isNotEmpty();
        Entity chain = mixed.get(0);
        assertThat(G.neighbours(chain.id(), "includes", Direction.OUTGOING))
                .extracting(e -> e.properties().get("kind"))
                .contains("vm", "container");
        List<Entity> hops = G.neighbours(chain.id(), "includes", Direction.OUTGOING);
        assertThat(G.outgoing(hops.get(0).id()))
                .extracting(Relationship::type)
                .contains("chained_to");
    }

    @Test
    void shouldRefuseATopologyTooSmallForOneBigHost() {
        assertThatThrownBy(() -> new TopologyGenerator(1).generate(10))
                .hasMessageContaining("entities must be >= 300");
    }
}
