package org.aitia.streaming.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.HealingAction;
import org.aitia.model.Relationship;
import org.aitia.model.Severity;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.correlate.RcaSiteEngine;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorrelateFunctionTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final String SITE = "edge-1";
    static final Entity HOST = Entity.of("compute-3", "nova.host", "compute-3", SITE);
    static final Entity VM = Entity.of("vm-17", "nova.instance", "vfw-1", SITE);
    static final Entity NIC = Entity.of("compute-3-nic0", "nic", "compute-3-nic0", SITE);

    KeyedBroadcastOperatorTestHarness<String, SiteInput, RuleSetMessage, Alarm> harness;

    KeyedBroadcastOperatorTestHarness<String, SiteInput, RuleSetMessage, Alarm> start()
            throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new CorrelateFunction(RcaSiteEngine.FACTORY),
                        new Keys.Site(),
                        Types.STRING,
                        CorrelateFunction.RULES);
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    void topology() throws Exception {
        for (TopologyChange c :
                List.of(
                        TopologyChange.upsert(HOST),
                        TopologyChange.upsert(VM),
                        TopologyChange.upsert(NIC),
                        TopologyChange.upsert(new Relationship("compute-3", "vm-17", "contains")),
                        TopologyChange.upsert(
                                new Relationship("compute-3", "compute-3-nic0", "contains")))) {
            harness.processElement(SiteInput.of(SITE, c), T0.toEpochMilli());
        }
    }

    static Alarm hostDown(long s) {
        return Alarm.raised(
                "doctor",
                "compute-3",
                SITE,
                "compute.host.down",
                Severity.CRITICAL,
                T0.plusSeconds(s));
    }

    void send(Alarm a) throws Exception {
        harness.processElement(SiteInput.of(a), a.lastSeen().toEpochMilli());
    }

    List<HealingAction> actions() {
        return harness.getSideOutput(CorrelateFunction.ACTIONS) == null
                ? List.of()
                : harness.getSideOutput(CorrelateFunction.ACTIONS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
    }

    static Alarm find(List<Alarm> alarms, String entity, String name) {
        return alarms.stream()
                .filter(a -> a.entityId().equals(entity) && a.name().equals(name))
                .reduce((first, second) -> second)
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no alarm " + name + " on " + entity + " in " + alarms));
    }

    @Test
    void shouldReportTheHostDownAsRootCauseOfItsInstancesAndRequestDoctorsActions()
            throws Exception {
        start();
        topology();

        send(hostDown(1));

        List<Alarm> out = harness.extractOutputValues();
        Alarm raw = find(out, "compute-3", "compute.host.down");
        assertThat(raw.rootCause()).isTrue();
        assertThat(raw.deduced()).isFalse();
        Alarm consequence =
                out.stream()
                        .filter(a -> a.entityId().equals("vm-17"))
                        .reduce((x, y) -> y)
                        .orElseThrow();
        assertThat(consequence.deduced()).isTrue();
        assertThat(consequence.causedBy()).contains(raw.id());
        assertThat(consequence.rootCause()).isFalse();
        assertThat(actions())
                .extracting(HealingAction::type, HealingAction::target)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("nova.host.force_down", "compute-3"),
                        org.assertj.core.groups.Tuple.tuple("nova.server.reset_state", "vm-17"));
        assertThat(harness.numEventTimeTimers()).isPositive();
    }

    @Test
    void shouldClearTheConsequencesWhenTheRootCauseClears() throws Exception {
        start();
        topology();
        send(hostDown(1));
        int before = harness.extractOutputValues().size();

        send(hostDown(1).cleared(T0.plusSeconds(20)));

        List<Alarm> after =
                harness.extractOutputValues().subList(before, harness.extractOutputValues().size());
        assertThat(after).isNotEmpty().allSatisfy(a -> assertThat(a.isActive()).isFalse());
        assertThat(after).extracting(Alarm::entityId).contains("compute-3", "vm-17");
    }

    @Test
    void shouldEmitNothingTwiceWhenTheSameAlarmIsReplayedAfterARestore() throws Exception {
        start();
        topology();
        send(hostDown(1));
        int alarmsBefore = harness.extractOutputValues().size();
        int actionsBefore = actions().size();
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                new CorrelateFunction(RcaSiteEngine.FACTORY),
                                List.of(CorrelateFunction.RULES)),
                        new Keys.Site(),
                        Types.STRING,
                        1,
                        1,
                        0);
        harness.initializeState(snapshot);
        harness.open();
        send(hostDown(1));
        send(hostDown(2));

        assertThat(harness.extractOutputValues())
                .as("alarm transitions after the restore")
                .isEmpty();
        assertThat(actions()).as("actions after the restore").isEmpty();
        assertThat(alarmsBefore).isPositive();
        assertThat(actionsBefore).isEqualTo(2);

        send(hostDown(2).cleared(T0.plusSeconds(30)));
        assertThat(harness.extractOutputValues())
                .as("the rebuilt engine still knows the consequences it must undo")
                .extracting(Alarm::entityId)
                .contains("vm-17");
    }

    @Test
    void shouldLoadAValidRuleSetAndKeepTheRulesInUseWhenOneIsInvalid() throws Exception {
        start();
        topology();
        send(hostDown(1));
        String drl =
                """
                package org.aitia.rules.custom;
                import org.aitia.rules.facts.AlarmFact;
                import org.aitia.rules.facts.Conclude;
                import org.aitia.rules.facts.Node;
                rule "NicDownRequestsHostMaintenance"
                when
                    $a: AlarmFact(name == "linkDown", $n: entityId)
                    $nic: Node(id == $n, type == "nic")
                then
                    Conclude.action(kcontext, "webhook.notify", $nic);
                end
                """;

        harness.processBroadcastElement(
                new RuleSetMessage(
                        "broken", 1L, "drl", "rule \"x\" when then oops", Map.of(), false),
                0);
        harness.processBroadcastElement(
                new RuleSetMessage("nic", 1L, "drl", drl, Map.of(), false), 0);

        assertThat(harness.getBroadcastState(CorrelateFunction.RULES).contains("broken")).isFalse();
        assertThat(harness.getBroadcastState(CorrelateFunction.RULES).contains("nic")).isTrue();
        send(
                Alarm.raised(
                        "ves",
                        "compute-3-nic0",
                        SITE,
                        "linkDown",
                        Severity.CRITICAL,
                        T0.plusSeconds(5)));
        assertThat(actions())
                .extracting(HealingAction::type, HealingAction::target)
                .contains(org.assertj.core.groups.Tuple.tuple("webhook.notify", "compute-3-nic0"));
    }
}
