package org.aitia.model;

import static org.aitia.model.Fixtures.T0;
import static org.aitia.model.Fixtures.T1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void shouldRefuseAMetricWithoutValueNamingTheField() {
        assertThatThrownBy(
                        () ->
                                new TelemetryEvent(
                                        TelemetryEvent.Kind.METRIC,
                                        "h",
                                        null,
                                        "cpu",
                                        null,
                                        null,
                                        null,
                                        null,
                                        T0,
                                        "collectd",
                                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must not be null");
    }

    @Test
    void shouldRefuseAFaultWithoutSeverity() {
        assertThatThrownBy(() -> TelemetryEvent.fault("h", "linkDown", null, T0, "ves"))
                .hasMessage("severity must not be null");
    }

    @Test
    void shouldRefuseANonFiniteMetric() {
        assertThatThrownBy(() -> TelemetryEvent.metric("h", "cpu", Double.NaN, T0, "collectd"))
                .hasMessage("value must be a finite number");
    }

    @Test
    void shouldRefuseABlankEntityReference() {
        assertThatThrownBy(() -> TelemetryEvent.metric(" ", "cpu", 1, T0, "collectd"))
                .hasMessage("entityRef must not be blank");
    }

    @Test
    void shouldRefuseAnAlarmSeenBeforeItWasFirstSeen() {
        Alarm a = Fixtures.nicAlarm(T1);
        assertThatThrownBy(
                        () ->
                                new Alarm(
                                        a.id(),
                                        a.source(),
                                        a.entityId(),
                                        a.site(),
                                        a.name(),
                                        a.severity(),
                                        null,
                                        a.status(),
                                        false,
                                        List.of(),
                                        true,
                                        null,
                                        T1,
                                        T0))
                .hasMessageContaining("lastSeen");
    }

    @Test
    void shouldRefuseAnAlarmThatCausesItself() {
        Alarm a = Fixtures.nicAlarm(T0);
        assertThatThrownBy(() -> a.withCausedBy(List.of(a.id()), false))
                .hasMessageContaining("causedBy");
    }

    @Test
    void shouldRefuseATopologyChangeWithBothOrNeitherEntityAndRelationship() {
        assertThatThrownBy(
                        () ->
                                new TopologyChange(
                                        TopologyChange.Op.UPSERT,
                                        Fixtures.host(),
                                        Fixtures.hostContainsVm(),
                                        null))
                .hasMessageContaining("exactly one of entity and relationship");
        assertThatThrownBy(() -> new TopologyChange(TopologyChange.Op.DELETE, null, null, null))
                .hasMessageContaining("exactly one of entity and relationship");
    }

    @Test
    void shouldRefuseAnActionWithoutJustifyingAlarm() {
        assertThatThrownBy(
                        () ->
                                HealingAction.of(
                                        "nova.host.force_down",
                                        "compute-3",
                                        "edge-1",
                                        Map.of(),
                                        List.of(),
                                        null,
                                        false,
                                        T0))
                .hasMessage("alarmIds must name at least one alarm");
    }

    @Test
    void shouldRequireAReasonForFailedSuppressedAndHeldResults() {
        HealingAction a = Fixtures.forceDown(T0);
        for (ActionResult.Status s :
                List.of(
                        ActionResult.Status.FAILED,
                        ActionResult.Status.SUPPRESSED,
                        ActionResult.Status.HELD)) {
            assertThatThrownBy(() -> ActionResult.of(a, s, " ", 0, T0))
                    .hasMessage("reason must be given for a " + s + " result");
        }
        assertThat(ActionResult.of(a, ActionResult.Status.SENT, null, 1, T0).reason()).isNull();
    }

    @Test
    void shouldDefaultSiteAndNameOfAnEntity() {
        Entity e = new Entity("vm-1", "nova.instance", null, " ", null, null);

        assertThat(e.site()).isEqualTo(Entity.DEFAULT_SITE);
        assertThat(e.name()).isEqualTo("vm-1");
        assertThat(e.properties()).isEmpty();
    }

    @Test
    void shouldGiveTheSameAlarmIdForTheSameSourceEntityAndName() {
        assertThat(Fixtures.nicAlarm(T0).id())
                .isEqualTo(Fixtures.nicAlarm(T1).id())
                .isEqualTo(Alarm.idFor("collectd", "compute-3-nic0", "linkDown"))
                .matches("a-[0-9a-f]{16}");
        assertThat(Alarm.idFor("collectd", "compute-3-nic0", "linkDown"))
                .isNotEqualTo(Alarm.idFor("ves", "compute-3-nic0", "linkDown"))
                .isNotEqualTo(Alarm.idFor("collectd", "compute-3-nic", "0linkDown"));
    }

    @Test
    void shouldGiveTheSameActionIdWhateverTheOrderOfItsAlarms() {
        assertThat(HealingAction.idFor("nova.host.force_down", "h", List.of("a-1", "a-2")))
                .isEqualTo(HealingAction.idFor("nova.host.force_down", "h", List.of("a-2", "a-1")))
                .isNotEqualTo(
                        HealingAction.idFor("nova.host.force_down", "h2", List.of("a-1", "a-2")))
                .startsWith("act-");
    }

    @Test
    void shouldMarkADeducedAlarmWithCausesAsNotARootCause() {
        Alarm deduced = Fixtures.instanceUnreachable(T0);

        assertThat(deduced.deduced()).isTrue();
        assertThat(deduced.rootCause()).isFalse();
        assertThat(deduced.source()).isEqualTo(Alarm.DEDUCED_SOURCE);
        assertThat(Fixtures.nicAlarm(T0).rootCause()).isTrue();
    }

    @Test
    void shouldKeepFirstSeenAndAdvanceLastSeenWhenCleared() {
        Alarm cleared = Fixtures.nicAlarm(T0).cleared(T1);

        assertThat(cleared.isActive()).isFalse();
        assertThat(cleared.firstSeen()).isEqualTo(T0);
        assertThat(cleared.lastSeen()).isEqualTo(T1);
        assertThat(Fixtures.nicAlarm(T1).cleared(T0).lastSeen()).isEqualTo(T1);
    }
}
