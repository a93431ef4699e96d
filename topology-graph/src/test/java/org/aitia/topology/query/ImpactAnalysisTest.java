package org.aitia.topology.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.aitia.topology.EntityGraph;
import org.aitia.topology.query.ImpactRule.Flow;
import org.junit.jupiter.api.Test;

class ImpactAnalysisTest {
    private final EntityGraph g = SmallCloud.graph();
    private final ImpactAnalysis impact = new BreadthFirstImpactAnalysis();

    @Test
    void shouldImpactTheInstancesOfAHostTheirPortsTheirVnfsAndTheChainsThroughThem() {
        Impact i = impact.impactOf(g, "h1");

        assertThat(i.ids())
                .containsExactlyInAnyOrder(
                        "h1-nic0", "vm1", "vm2", "vm3", "p1", "c1", "A", "ns1", "ns2");
        assertThat(i.path("ns2")).containsExactly("h1", "vm1", "c1", "A", "ns2");
        assertThat(i.contains("tor1")).isFalse();
        assertThat(i.contains("B")).as("chained_to carries no impact by default").isFalse();
    }

    @Test
    void shouldImpactTheNicsAttachedToASwitchAndTheirHostsButNotOtherRacks() {
        Impact i = impact.impactOf(g, "tor1");

        assertThat(i.ids()).contains("h1-nic0", "h2-nic0", "h1", "h2", "vm1", "vm4", "B", "ns1");
        assertThat(i.ids()).doesNotContain("h3", "h3-nic0", "pod1", "zone", "tor2");
        assertThat(i.via("h1-nic0").type()).isEqualTo("attached");
    }

    @Test
    void shouldImpactPodsOfAKubernetesNodeOnTheHost() {
        assertThat(impact.impactOf(g, "h3").ids()).contains("k1", "pod1", "c5", "C", "ns2");
    }

    @Test
    void shouldImpactNothingForAnEntityNobodyDependsOn() {
        assertThat(impact.impactOf(g, "ns1").size()).isZero();
        assertThat(impact.impactOf(g, "no-such-entity").ids()).isEmpty();
    }

    @Test
    void shouldFollowConfiguredRulesInsteadOfTheDefaults() {
        ImpactRules rules =
                ImpactRules.defaults()
                        .with(List.of(ImpactRule.of("chained_to", Flow.SOURCE_TO_TARGET)));

        Impact i = new BreadthFirstImpactAnalysis(rules, Integer.MAX_VALUE).impactOf(g, "vm1");

        assertThat(i.ids()).contains("A", "B", "C");
    }

    @Test
    void shouldStopAtTheConfiguredDepth() {
        Impact i = new BreadthFirstImpactAnalysis(ImpactRules.defaults(), 1).impactOf(g, "h1");

        assertThat(i.ids()).containsExactlyInAnyOrder("h1-nic0", "vm1", "vm2", "vm3");
    }

    @Test
    void shouldPreferTheMostSpecificRule() {
        ImpactRules rules = ImpactRules.defaults();

        assertThat(rules.flow("contains", "nova.host", "nic")).isEqualTo(Flow.BOTH);
        assertThat(rules.flow("contains", "nova.host", "nova.instance"))
                .isEqualTo(Flow.SOURCE_TO_TARGET);
        assertThat(rules.flow("attached", "cinder.volume", "nova.instance"))
                .isEqualTo(Flow.SOURCE_TO_TARGET);
        assertThat(rules.flow("attached", "nic", "switch")).isEqualTo(Flow.TARGET_TO_SOURCE);
        assertThat(rules.flow("unheard_of", "a", "b")).isEqualTo(Flow.NONE);
    }

    @Test
    void shouldRejectTwoRulesForTheSameRelationshipAndEnds() {
        assertThatThrownBy(
                        () ->
                                new ImpactRules(
                                        List.of(
                                                ImpactRule.of("contains", Flow.BOTH),
                                                ImpactRule.of("contains", Flow.NONE))))
                .hasMessageContaining("two impact rules for contains (* -> *)");
        assertThatThrownBy(() -> new BreadthFirstImpactAnalysis(ImpactRules.defaults(), 0))
                .hasMessageContaining("maxDepth must be >= 1");
    }
}
