package org.aitia.rules;

import static org.aitia.rules.Fixtures.T0;
import static org.aitia.rules.Fixtures.T1;
import static org.aitia.rules.Fixtures.deducedId;
import static org.aitia.rules.Fixtures.hostDown;
import static org.aitia.rules.Fixtures.rel;
import static org.aitia.rules.Fixtures.twoHosts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aitia.model.TopologyChange;
import org.junit.jupiter.api.Test;

/**
 * The graph look-up variant of the library that the rules bench measures against topology facts
 * (rca-rules README, Design): it must conclude what the library concludes, and it shows why the
 * engine holds facts instead.
 */
class GraphLookupVariantTest {

    @Test
    void shouldEndInTheSameAlarmsRootCausesStatesAndActionsAsTheLibraryOnTheBenchFeed()
            throws Exception {
        Map<String, Object> facts = RulesBench.outcomeHash(3000, 20_000, 7, false);
        Map<String, Object> lookup = RulesBench.outcomeHash(3000, 20_000, 7, true);

        assertThat(lookup.get("end_state_sha256")).isEqualTo(facts.get("end_state_sha256"));
        assertThat(lookup.get("alarm_changes_reported"))
                .isEqualTo(facts.get("alarm_changes_reported"));
        assertThat(lookup.get("actions")).isEqualTo(facts.get("actions"));
        assertThat((Integer) facts.get("actions")).isPositive();
    }

    @Test
    void shouldKeepAConclusionWhoseTopologyChangedWhereFactsRetractIt() throws Exception {
        try (RcaEngine lookup =
                        RcaEngine.createWithGraphLookups(
                                RuleSet.graphLookupVariant(), twoHosts().graph(), Clock.PSEUDO);
                RcaEngine facts =
                        RcaEngine.create(
                                RuleSet.standardLibrary(), twoHosts().graph(), Clock.PSEUDO)) {
            for (RcaEngine engine : new RcaEngine[] {lookup, facts}) {
                engine.onAlarm(hostDown("compute-1", T0));
                assertThat(engine.alarm(deducedId("vm-2", "instance down"))).isNotNull();
                // vm-2 migrates to compute-2
                engine.apply(TopologyChange.delete(rel("compute-1", "contains", "vm-2")).at(T1));
                engine.apply(TopologyChange.upsert(rel("compute-2", "contains", "vm-2")).at(T1));
            }

            assertThat(facts.alarm(deducedId("vm-2", "instance down"))).isNull();
            assertThat(lookup.alarm(deducedId("vm-2", "instance down"))).isNotNull();
        }
    }
}
