package org.aitia.topology.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class RootCauseCandidatesTest {
    private final EntityGraph g = SmallCloud.graph();
    private final RootCauseCandidates rca = new GreedySetCoverRootCauseCandidates();

    @Test
    void shouldNameTheHostWhenThreeOfItsInstancesAreAlarmed() {
        RootCauseCandidates.Result r = rca.candidates(g, List.of("vm1", "vm2", "vm3"));

        assertThat(r.ids()).containsExactly("h1");
        assertThat(r.candidates().get(0).explains()).containsExactlyInAnyOrder("vm1", "vm2", "vm3");
    }

    @Test
    void shouldNameTheSwitchWhenTwoHostsOnItAreAlarmed() {
        assertThat(rca.candidates(g, List.of("h1", "h2")).ids()).containsExactly("tor1");
    }

    @Test
    void shouldNameTheAlarmedHostItselfWhenItAndItsInstancesAreAlarmed() {
        assertThat(rca.candidates(g, List.of("vm1", "h1", "vm2")).ids()).containsExactly("h1");
    }

    @Test
    void shouldKeepASingleAlarmedEntityAsItsOwnCandidate() {
        RootCauseCandidates.Result r = rca.candidates(g, List.of("vm2"));

        assertThat(r.ids()).containsExactly("vm2");
    }

    @Test
    void shouldExplainAChainAndAnInstanceOnTheSameHostByTheHost() {
        assertThat(rca.candidates(g, List.of("ns1", "vm2")).ids()).containsExactly("h1");
    }

    @Test
    void shouldReportAlarmedIdsThatAreNotInTheGraph() {
        RootCauseCandidates.Result r = rca.candidates(g, List.of("vm1", "ghost"));

        assertThat(r.unknown()).containsExactly("ghost");
        assertThat(r.ids()).containsExactly("vm1");
        assertThat(rca.candidates(g, Set.of()).candidates()).isEmpty();
    }
}
