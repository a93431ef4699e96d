package org.aitia.rules;

import static org.aitia.rules.Fixtures.T0;
import static org.aitia.rules.Fixtures.T1;
import static org.aitia.rules.Fixtures.T10;
import static org.aitia.rules.Fixtures.T2;
import static org.aitia.rules.Fixtures.deducedId;
import static org.aitia.rules.Fixtures.engine;
import static org.aitia.rules.Fixtures.hostDown;
import static org.aitia.rules.Fixtures.library;
import static org.aitia.rules.Fixtures.linkDown;
import static org.aitia.rules.Fixtures.raised;
import static org.aitia.rules.Fixtures.rel;
import static org.aitia.rules.Fixtures.twoHosts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.topology.EntityGraph;
import org.aitia.topology.TopologyChangeRejectedException;
import org.junit.jupiter.api.Test;

class RcaEngineTest {

    private static final String BROKEN_DRL =
            """
            package broken;
            import org.aitia.rules.facts.AlarmFact;

            rule "FineRule"
            when
                AlarmFact(name == "x")
            then
            end

            rule "BrokenRule"
            when
                AlarmFact(nme == "x")
            then
            end
            """;

    @Test
    void shouldReportTwoRootCausesForTwoIndependentFailures() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm nic = linkDown("compute-1-nic0", T0);
            Alarm down = hostDown("compute-2", T1);
            engine.onAlarm(nic);
            engine.onAlarm(down);
            engine.onAlarm(raised("ves", "vm-3", "vmUnreachable", T2));

            assertThat(engine.rootCauses())
                    .extracting(Alarm::id)
                    .containsExactlyInAnyOrder(nic.id(), down.id());
            assertThat(engine.consequences(nic.id()))
                    .extracting(Alarm::entityId)
                    .contains("vm-1", "vm-2")
                    .doesNotContain("vm-3");
            assertThat(engine.consequences(down.id()))
                    .extracting(Alarm::entityId)
                    .contains("vm-3")
                    .doesNotContain("vm-1");
        }
    }

    @Test
    void shouldLinkARawInstanceAlarmToTheDeductionThatExplainsIt() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm vm = raised("ves", "vm-1", "vmUnreachable", T0);
            engine.onAlarm(vm);
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(vm.id());

            Alarm nic = linkDown("compute-1-nic0", T1);
            Outcome o = engine.onAlarm(nic);

            Alarm after =
                    o.alarms().stream()
                            .filter(a -> a.id().equals(vm.id()))
                            .findFirst()
                            .orElseThrow();
            assertThat(after.rootCause()).isFalse();
            assertThat(after.causedBy()).containsExactly(deducedId("vm-1", "instance unreachable"));
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(nic.id());

            Outcome back = engine.onAlarm(nic.cleared(T2));
            Alarm again =
                    back.alarms().stream()
                            .filter(a -> a.id().equals(vm.id()))
                            .findFirst()
                            .orElseThrow();
            assertThat(again.rootCause()).isTrue();
            assertThat(again.isActive()).isTrue();
        }
    }

    @Test
    void shouldRetractConclusionsWhenTheTopologyThatJustifiedThemChanges() {
        EntityGraph graph = twoHosts().graph();
        try (RcaEngine engine = engine(graph)) {
            Alarm down = hostDown("compute-1", T0);
            engine.onAlarm(down);
            assertThat(engine.alarm(deducedId("vm-2", "instance down"))).isNotNull();

            // vm-2 migrates to compute-2
            Outcome o1 =
                    engine.apply(
                            TopologyChange.delete(rel("compute-1", "contains", "vm-2")).at(T1));
            Outcome o2 =
                    engine.apply(
                            TopologyChange.upsert(rel("compute-2", "contains", "vm-2")).at(T1));

            assertThat(o1.alarms())
                    .extracting(Alarm::id, Alarm::status)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    deducedId("vm-2", "instance down"), Alarm.Status.CLEARED));
            assertThat(o1.stateChanges()).containsEntry("vm-2", "OK");
            assertThat(o2.isEmpty()).isTrue();
            assertThat(graph.outgoing("compute-2")).extracting(r -> r.target()).contains("vm-2");
        }
    }

    @Test
    void shouldConcludeForEntitiesAddedAfterTheAlarm() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm down = hostDown("compute-1", T0);
            engine.onAlarm(down);

            engine.apply(TopologyChange.upsert(Fixtures.entity("vm-9", "nova.instance")).at(T1));
            Outcome o =
                    engine.apply(
                            TopologyChange.upsert(rel("compute-1", "contains", "vm-9")).at(T1));

            assertThat(o.alarms())
                    .extracting(Alarm::id)
                    .contains(deducedId("vm-9", "instance down"));
            assertThat(o.actions())
                    .extracting(HealingAction::type)
                    .containsExactly("nova.server.reset_state");
        }
    }

    @Test
    void shouldRefuseATopologyChangeTheGraphRejectsAndKeepItsFacts() {
        EntityGraph graph = twoHosts().graph();
        try (RcaEngine engine = engine(graph)) {
            assertThatThrownBy(
                            () ->
                                    engine.apply(
                                            TopologyChange.upsert(
                                                    rel("compute-1", "contains", "ghost"))))
                    .isInstanceOf(TopologyChangeRejectedException.class);
            engine.onAlarm(hostDown("compute-1", T0));
            assertThat(engine.activeAlarms()).extracting(Alarm::entityId).contains("vm-1", "vm-2");
        }
    }

    @Test
    void shouldNeverEmitTheSameActionTwiceForTheSameJustification() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm down = hostDown("compute-1", T0);
            Outcome first = engine.onAlarm(down);
            Outcome update = engine.onAlarm(down.updated(down.severity(), T1));
            engine.onAlarm(down.cleared(T2));
            Outcome again = engine.onAlarm(hostDown("compute-1", T10));

            assertThat(first.actions()).hasSize(3);
            assertThat(update.actions()).isEmpty();
            assertThat(again.actions()).isEmpty();
            assertThat(first.actions().get(0).id())
                    .isEqualTo(
                            HealingAction.idFor(
                                    "nova.host.force_down", "compute-1", List.of(down.id())));
        }
    }

    @Test
    void shouldRefuseABrokenRuleSetWithRuleNameLineAndMessageAndKeepRunningTheOldOne() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm down = hostDown("compute-1", T0);
            engine.onAlarm(down);
            RuleSet broken =
                    library()
                            .plus(
                                    List.of(
                                            new RuleSet.Source(
                                                    "broken.drl", RuleSet.Kind.DRL, BROKEN_DRL)),
                                    "v2");

            assertThatThrownBy(() -> engine.load(broken))
                    .isInstanceOfSatisfying(
                            RuleSetException.class,
                            e -> {
                                assertThat(e.ruleName()).isEqualTo("BrokenRule");
                                assertThat(e.line()).isEqualTo(12);
                                assertThat(e.problems().get(0).source()).isEqualTo("broken.drl");
                                assertThat(e.getMessage())
                                        .contains("broken.drl", "BrokenRule", "nme");
                            });

            assertThat(engine.rules().version()).isEqualTo(library().version());
            Outcome o = engine.onAlarm(linkDown("compute-2-nic0", T1));
            assertThat(o.alarms())
                    .extracting(Alarm::id)
                    .contains(deducedId("vm-3", "instance unreachable"));
            assertThat(engine.alarm(deducedId("vm-1", "instance down"))).isNotNull();
        }
    }

    @Test
    void shouldRunARuleOnlyForAlarmsThatWereRaised() throws Exception {
        // a rule with a side effect (not a logical conclusion) on any alarm of a name, whatever
        // its entity: the probes that fill the join memories at start must not trigger it
        String watchdog =
                """
                package extra;
                import org.aitia.rules.facts.AlarmFact;
                rule "EveryWatchdogAlarmIsCounted"
                when
                    AlarmFact(name == "watchdog")
                then
                    org.aitia.rules.ConsequenceCounter.count();
                end
                """;
        RuleSet rules =
                library()
                        .plus(
                                List.of(
                                        new RuleSet.Source(
                                                "watchdog.drl", RuleSet.Kind.DRL, watchdog)),
                                "watchdog");
        ConsequenceCounter.reset();
        try (RcaEngine engine = RcaEngine.create(rules, twoHosts().graph(), Clock.PSEUDO)) {
            assertThat(ConsequenceCounter.get()).isZero();

            engine.onAlarm(raised("ves", "compute-1", "watchdog", T0));

            assertThat(ConsequenceCounter.get()).isEqualTo(1);
        }
    }

    @Test
    void shouldLetRulesTestTheTypeOfADeducedAlarmsEntityAsTheEntityChangesType() throws Exception {
        String drl =
                """
                package typed;
                import org.aitia.rules.facts.AlarmFact;
                import org.aitia.rules.facts.Conclude;
                import org.aitia.rules.facts.Node;
                rule "TriggerDeducesOnAnyEntity"
                when
                    $a: AlarmFact(name == "trigger", $e: entityId)
                    $n: Node(id == $e)
                then
                    Conclude.alarm(kcontext, $n, "derived", "WARNING", $a);
                end
                rule "DerivedOnAVnfDegradesIt"
                when
                    $d: AlarmFact(name == "derived", entityType == "vnf", $e: entityId)
                    $n: Node(id == $e)
                then
                    Conclude.state(kcontext, $n, "SUBOPTIMAL");
                end
                """;
        RuleSet rules =
                RuleSet.of(
                        "typed",
                        "1",
                        List.of(new RuleSet.Source("typed.drl", RuleSet.Kind.DRL, drl)));
        EntityGraph graph = Fixtures.topology().entity("x", "nova.instance").graph();
        try (RcaEngine engine = RcaEngine.create(rules, graph, Clock.PSEUDO)) {
            engine.onAlarm(raised("ves", "x", "trigger", T0));
            assertThat(engine.alarm(deducedId("x", "derived"))).isNotNull();
            assertThat(engine.states()).doesNotContainKey("x");

            Outcome o = engine.apply(TopologyChange.upsert(Fixtures.entity("x", "vnf")).at(T1));

            assertThat(o.stateChanges()).containsEntry("x", "SUBOPTIMAL");
            assertThat(engine.alarm(deducedId("x", "derived"))).isNotNull();

            o = engine.apply(TopologyChange.upsert(Fixtures.entity("x", "nova.instance")).at(T2));

            assertThat(o.stateChanges()).containsEntry("x", "OK");
            assertThat(engine.states()).doesNotContainKey("x");
        }
    }

    @Test
    void shouldReplaceTheRuleSetWithoutLosingActiveAlarms() throws Exception {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm cpu = raised("collectd", "compute-1", "cpuOverload", T0);
            engine.onAlarm(cpu);
            String extra =
                    """
                    package extra;
                    import org.aitia.rules.facts.AlarmFact;
                    import org.aitia.rules.facts.Conclude;
                    import org.aitia.rules.facts.Node;
                    rule "CpuOverloadIsCritical"
                    when
                        $a: AlarmFact(name == "cpuOverload", $h: entityId)
                        $host: Node(id == $h)
                    then
                        Conclude.state(kcontext, $host, "ERROR");
                    end
                    """;
            RuleSet v2 =
                    library()
                            .plus(
                                    List.of(
                                            new RuleSet.Source(
                                                    "extra.drl", RuleSet.Kind.DRL, extra)),
                                    "v2");

            Outcome o = engine.replaceRules(v2);

            assertThat(engine.rules().version()).isEqualTo("v2");
            assertThat(engine.alarm(cpu.id())).isNotNull();
            assertThat(engine.alarm(deducedId("vm-1", "CPU performance degradation"))).isNotNull();
            assertThat(o.stateChanges()).containsEntry("compute-1", "ERROR");
            assertThat(o.alarms()).isEmpty();
        }
    }

    @Test
    void shouldReachTheSameStateWhenRestoredByReplayingTopologyAndActiveRawAlarms() {
        Topology topo = twoHosts().build();
        List<Alarm> active = new ArrayList<>();
        List<Alarm> before;
        java.util.Map<String, String> statesBefore;
        List<String> actionIds = new ArrayList<>();
        try (RcaEngine live = engine(EntityGraph.of(topo))) {
            Alarm sw = raised("ves", "tor-1", "switchDown", T0);
            Alarm down = hostDown("compute-1", T1);
            Alarm vm = raised("ves", "vm-3", "vmUnreachable", T1);
            Alarm cpu = raised("collectd", "compute-2", "cpuOverload", T1);
            for (Alarm a : List.of(sw, down, vm, cpu)) {
                live.onAlarm(a).actions().forEach(x -> actionIds.add(x.id()));
            }
            live.onAlarm(cpu.cleared(T2));
            active.addAll(List.of(sw, down, vm));
            before = live.activeAlarms();
            statesBefore = live.states();
        }
        EntityGraph fresh = new EntityGraph();
        try (RcaEngine restored = engine(fresh)) {
            for (TopologyChange c : topo.asChanges()) {
                restored.apply(c);
            }
            List<String> replayedActions = new ArrayList<>();
            for (Alarm a : active) {
                restored.onAlarm(a).actions().forEach(x -> replayedActions.add(x.id()));
            }
            restored.advanceTo(T2);

            assertThat(restored.activeAlarms()).isEqualTo(before);
            assertThat(restored.states()).isEqualTo(statesBefore);
            assertThat(actionIds).containsAll(replayedActions);
        }
    }

    @Test
    void shouldRefuseDeducedAlarmsAsInput() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm deduced =
                    Alarm.deduced(
                            "vm-1",
                            "edge-1",
                            "instance down",
                            org.aitia.model.Severity.CRITICAL,
                            "x",
                            List.of(),
                            T0);
            assertThatThrownBy(() -> engine.onAlarm(deduced))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("raw alarms only");
        }
    }
}
