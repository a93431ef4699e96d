package org.aitia.rules.library;

import static org.aitia.rules.Fixtures.T0;
import static org.aitia.rules.Fixtures.T1;
import static org.aitia.rules.Fixtures.deducedId;
import static org.aitia.rules.Fixtures.engine;
import static org.aitia.rules.Fixtures.hostDown;
import static org.aitia.rules.Fixtures.linkDown;
import static org.aitia.rules.Fixtures.twoHosts;
import static org.assertj.core.api.Assertions.assertThat;

import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.rules.Outcome;
import org.aitia.rules.RcaEngine;
import org.junit.jupiter.api.Test;

class ComputeRulesTest {

    @Test
    void shouldMarkHostErrorInstancesDownAndAskForceDownThenResetStateWhenDoctorReportsHostDown() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm down = hostDown("compute-1", T0);
            Outcome o = engine.onAlarm(down);

            assertThat(o.alarms())
                    .extracting(Alarm::id)
                    .contains(
                            down.id(),
                            deducedId("vm-1", "instance down"),
                            deducedId("vm-2", "instance down"))
                    .doesNotContain(deducedId("vm-3", "instance down"));
            Alarm vm1 = engine.alarm(deducedId("vm-1", "instance down"));
            assertThat(vm1.causedBy()).containsExactly(down.id());
            assertThat(vm1.rootCause()).isFalse();
            assertThat(vm1.rule()).isEqualTo("HostDownCausesInstanceDown");
            assertThat(vm1.firstSeen()).isEqualTo(T0);
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(down.id());
            assertThat(o.stateChanges())
                    .containsEntry("compute-1", "ERROR")
                    .containsEntry("vm-1", "ERROR")
                    .containsEntry("vm-2", "ERROR");
            assertThat(o.actions())
                    .extracting(HealingAction::type, HealingAction::target)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "nova.host.force_down", "compute-1"),
                            org.assertj.core.groups.Tuple.tuple("nova.server.reset_state", "vm-1"),
                            org.assertj.core.groups.Tuple.tuple("nova.server.reset_state", "vm-2"));
            assertThat(o.actions().get(0).alarmIds()).containsExactly(down.id());
            assertThat(engine.explain(vm1.id()))
                    .contains(
                            "HostDownCausesInstanceDown", "compute.host.down", "compute-1", "vm-1");
        }
    }

    @Test
    void shouldClearDeducedAlarmsAndRevertStatesWhenHostDownClears() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm down = hostDown("compute-1", T0);
            engine.onAlarm(down);

            Outcome o = engine.onAlarm(down.cleared(T1));

            assertThat(o.alarms())
                    .filteredOn(a -> a.status() == Alarm.Status.CLEARED)
                    .extracting(Alarm::id)
                    .containsExactlyInAnyOrder(
                            down.id(),
                            deducedId("vm-1", "instance down"),
                            deducedId("vm-2", "instance down"));
            assertThat(engine.activeAlarms()).isEmpty();
            assertThat(engine.states()).isEmpty();
            assertThat(o.stateChanges())
                    .containsEntry("compute-1", "OK")
                    .containsEntry("vm-1", "OK");
            assertThat(o.actions()).isEmpty();
        }
    }

    @Test
    void shouldRaiseInstanceAlarmWhenHostNicGoesDown() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm nic = linkDown("compute-1-nic0", T0);
            engine.onAlarm(nic);

            Alarm vm1 = engine.alarm(deducedId("vm-1", "instance unreachable"));
            assertThat(vm1).isNotNull();
            assertThat(vm1.causedBy()).containsExactly(nic.id());
            assertThat(vm1.rule()).isEqualTo("HostNicDownCausesInstanceUnreachable");
            assertThat(engine.alarm(deducedId("port-1", "port unreachable")).causedBy())
                    .containsExactly(nic.id());
            assertThat(engine.alarm(deducedId("vm-3", "instance unreachable"))).isNull();
            assertThat(engine.states())
                    .containsEntry("compute-1-nic0", "ERROR")
                    .containsEntry("compute-1", "SUBOPTIMAL")
                    .containsEntry("vm-2", "ERROR");
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(nic.id());
        }
    }

    @Test
    void shouldKeepTheNicAsTheOnlyRootCauseWhenDoctorAlsoReportsItsHostDown() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm nic = linkDown("compute-1-nic0", T0);
            Alarm vm = org.aitia.rules.Fixtures.raised("ves", "vm-1", "vmUnreachable", T0);
            Alarm down = hostDown("compute-1", T1);
            engine.onAlarm(nic);
            engine.onAlarm(vm);
            Outcome o = engine.onAlarm(down);

            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(nic.id());
            assertThat(engine.alarm(down.id()).causedBy()).containsExactly(nic.id());
            assertThat(engine.alarm(vm.id()).rootCause()).isFalse();
            assertThat(o.actions())
                    .extracting(HealingAction::type)
                    .contains("nova.host.force_down");
            assertThat(engine.states()).containsEntry("compute-1", "ERROR");
            assertThat(engine.explain(down.id()))
                    .contains("not a root cause", "HostNicDownExplainsHostDown", "linkDown");
            assertThat(engine.explainState("compute-1"))
                    .contains(
                            "ERROR",
                            "SUBOPTIMAL",
                            "HostDownSetsHostError",
                            "HostNicDownSetsNicErrorAndHostSuboptimal");
        }
    }
}
