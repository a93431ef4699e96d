package org.aitia.topology.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.model.TopologyChange;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class PatternMatcherTest {
    private final EntityGraph g = SmallCloud.graph();
    private final PatternMatcher matcher = new BacktrackingPatternMatcher();
    private final Pattern hostInstancePort =
            Pattern.builder()
                    .vertex("host", "nova.host")
                    .vertex("vm", "nova.instance")
                    .vertex("port", "neutron.port")
                    .edge("host", "contains", "vm")
                    .edge("port", "attached", "vm")
                    .build();

    @Test
    void shouldFindTheMatchAroundTheAnchorWhicheverPatternVertexItIs() {
        for (String anchor : List.of("vm1", "h1", "p1")) {
            List<PatternMatcher.Match> m = matcher.matchesIncluding(g, hostInstancePort, anchor);

            assertThat(m).as(anchor).hasSize(1);
            assertThat(m.get(0).get("host").id()).isEqualTo("h1");
            assertThat(m.get(0).get("vm").id()).isEqualTo("vm1");
            assertThat(m.get(0).get("port").id()).isEqualTo("p1");
        }
    }

    @Test
    void shouldFindNoMatchWhereAPatternEdgeIsMissing() {
        assertThat(matcher.matchesIncluding(g, hostInstancePort, "vm2")).isEmpty();
        assertThat(matcher.matchesIncluding(g, hostInstancePort, "ghost")).isEmpty();
    }

    @Test
    void shouldFindEveryMatchOfAHostWithSeveralInstances() {
        Pattern hostVm =
                Pattern.builder()
                        .vertex("host", "nova.host")
                        .vertex("vm", "nova.instance")
                        .edge("host", "contains", "vm")
                        .build();

        assertThat(matcher.matchesIncluding(g, hostVm, "h1"))
                .extracting(m -> m.get("vm").id())
                .containsExactly("vm1", "vm2", "vm3");
    }

    @Test
    void shouldCheckEveryEdgeOfACyclicPattern() {
        Pattern chainOfTwo =
                Pattern.builder()
                        .vertex("ns", "network_service")
                        .vertex("first", "vnf")
                        .vertex("next", "vnf")
                        .edge("ns", "includes", "first")
                        .edge("ns", "includes", "next")
                        .edge("first", "chained_to", "next")
                        .build();

        assertThat(matcher.matchesIncluding(g, chainOfTwo, "A"))
                .extracting(
                        m ->
                                m.get("ns").id()
                                        + ":"
                                        + m.get("first").id()
                                        + "->"
                                        + m.get("next").id())
                .containsExactlyInAnyOrder("ns1:A->B", "ns2:A->C");
        g.apply(TopologyChange.delete(new org.aitia.model.Relationship("A", "C", "chained_to")));
        assertThat(matcher.matchesIncluding(g, chainOfTwo, "C")).isEmpty();
    }

    @Test
    void shouldMatchFieldAndPropertyConstraints() {
        g.apply(
                TopologyChange.upsert(
                        new Entity(
                                "vm2",
                                "nova.instance",
                                "vm2",
                                "edge-1",
                                "ERROR",
                                Map.of("flavor", "big"))));
        Pattern brokenBigVm =
                Pattern.builder()
                        .vertex("host", "nova.host")
                        .vertex("vm", "nova.instance", Map.of("state", "ERROR", "flavor", "big"))
                        .edge("host", "contains", "vm")
                        .build();

        assertThat(matcher.matchesIncluding(g, brokenBigVm, "h1"))
                .extracting(m -> m.get("vm").id())
                .containsExactly("vm2");
    }

    @Test
    void shouldRejectMalformedPatternsWithAReason() {
        assertThatThrownBy(() -> Pattern.builder().vertex("a", "nic").vertex("b", "switch").build())
                .hasMessageContaining("pattern is not connected: [b]");
        assertThatThrownBy(
                        () ->
                                Pattern.builder()
                                        .vertex("a", "nic")
                                        .edge("a", "attached", "z")
                                        .build())
                .hasMessageContaining("undeclared vertex 'z'");
        assertThatThrownBy(
                        () ->
                                Pattern.builder()
                                        .vertex("a", "nic")
                                        .vertex("b", "switch")
                                        .edge("a", "plugged", "b")
                                        .build())
                .hasMessageContaining("unknown relationship type 'plugged'");
        assertThatThrownBy(() -> Pattern.builder().vertex("a", "nic").vertex("a", "switch"))
                .hasMessageContaining("declared twice");
    }
}
