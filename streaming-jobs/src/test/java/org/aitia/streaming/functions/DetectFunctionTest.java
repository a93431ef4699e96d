package org.aitia.streaming.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.aitia.model.Alarm;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.streaming.StreamingConfig.DetectConfig;
import org.aitia.streaming.ThresholdRule;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetectFunctionTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final String PORT = "compute-3-nic0";
    static final String HOST = "compute-3";

    private KeyedOneInputStreamOperatorTestHarness<String, ResolvedEvent, Alarm> harness;

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static ResolvedEvent onPort(TelemetryEvent e) {
        return new ResolvedEvent(e, PORT, "nic", "edge-1", true);
    }

    static ResolvedEvent linkDown(long s) {
        return onPort(TelemetryEvent.fault(PORT, "linkDown", Severity.CRITICAL, at(s), "ves"));
    }

    static ResolvedEvent linkUp(long s) {
        return onPort(TelemetryEvent.fault(PORT, "linkDown", Severity.OK, at(s), "ves"));
    }

    static ResolvedEvent cpu(double value, long s) {
        return new ResolvedEvent(
                TelemetryEvent.metric(HOST, "cpu.percent.active", value, at(s), "collectd"),
                HOST,
                "nova.host",
                "edge-1",
                true);
    }

    KeyedOneInputStreamOperatorTestHarness<String, ResolvedEvent, Alarm> start(DetectConfig config)
            throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DetectFunction(config)),
                        new Keys.EntityId(),
                        Types.STRING);
        harness.open();
        return harness;
    }

    void send(ResolvedEvent e) throws Exception {
        harness.processElement(e, e.event().eventTime().toEpochMilli());
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldRaiseLinkDownOnceWhenTheSourceRepeatsIt() throws Exception {
        start(DetectConfig.defaults());

        send(linkDown(0));
        send(linkDown(5));
        send(linkDown(10));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        Alarm a = out.get(0);
        assertThat(a.id()).isEqualTo(Alarm.idFor("ves", PORT, "linkDown"));
        assertThat(a.entityId()).isEqualTo(PORT);
        assertThat(a.site()).isEqualTo("edge-1");
        assertThat(a.isActive()).isTrue();
        assertThat(a.firstSeen()).isEqualTo(at(0));
        assertThat(harness.numKeyedStateEntries()).isPositive();
    }

    @Test
    void shouldUpdateTheAlarmWhenItsSeverityChanges() throws Exception {
        start(DetectConfig.defaults());

        send(linkDown(0));
        send(onPort(TelemetryEvent.fault(PORT, "linkDown", Severity.WARNING, at(3), "ves")));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(Alarm::severity)
                .containsExactly(Severity.CRITICAL, Severity.WARNING);
        assertThat(out.get(1).firstSeen()).isEqualTo(at(0));
        assertThat(out.get(1).lastSeen()).isEqualTo(at(3));
    }

    @Test
    void shouldClearTheAlarmWhenTheFaultClearsWithSeverityOk() throws Exception {
        start(DetectConfig.defaults());

        send(linkDown(0));
        send(linkUp(20));
        send(linkUp(25));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(Alarm::status)
                .containsExactly(Alarm.Status.ACTIVE, Alarm.Status.CLEARED);
        assertThat(out.get(1).id()).isEqualTo(out.get(0).id());
        assertThat(out.get(1).lastSeen()).isEqualTo(at(20));
    }

    @Test
    void shouldRaiseAStateAlarmForDownAndClearItForUp() throws Exception {
        start(DetectConfig.defaults());

        send(onPort(TelemetryEvent.state(PORT, "operState", "DOWN", at(0), "collectd")));
        send(onPort(TelemetryEvent.state(PORT, "operState", "weird", at(1), "collectd")));
        send(onPort(TelemetryEvent.state(PORT, "operState", "up", at(2), "collectd")));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(Alarm::status)
                .containsExactly(Alarm.Status.ACTIVE, Alarm.Status.CLEARED);
        assertThat(out.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(out.get(0).name()).isEqualTo("operState");
    }

    @Test
    void shouldNotApplyAClearThatIsOlderThanTheRaiseItFollows() throws Exception {
        start(DetectConfig.defaults());

        send(linkDown(10));
        send(linkUp(5));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).isActive()).isTrue();
    }

    @Test
    void shouldCountALateEventAndStillApplyIt() throws Exception {
        start(DetectConfig.defaults());
        harness.processWatermark(at(100).toEpochMilli());

        send(linkDown(50));

        assertThat(harness.getSideOutput(DetectFunction.LATE)).hasSize(1);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void shouldReplaceFiveFlapsInAMinuteByOneFlappingAlarm() throws Exception {
        start(DetectConfig.defaults());

        for (int i = 0; i < 5; i++) {
            send(linkDown(i * 10));
            send(linkUp(i * 10 + 5));
        }
        send(linkDown(50));
        send(linkUp(52));

        List<Alarm> out = harness.extractOutputValues();
        List<Alarm> flapping =
                out.stream()
                        .filter(a -> a.name().equals("linkDown" + DetectFunction.FLAPPING))
                        .toList();
        assertThat(flapping).hasSize(1);
        assertThat(flapping.get(0).isActive()).isTrue();
        assertThat(out.stream().filter(a -> a.name().equals("linkDown")).count())
                .as("transitions of the raw alarm before the fifth raise only")
                .isEqualTo(8);
        assertThat(out.get(out.size() - 1)).isEqualTo(flapping.get(0));

        harness.processWatermark(at(52 + 60).toEpochMilli());

        List<Alarm> after =
                harness.extractOutputValues()
                        .subList(out.size(), harness.extractOutputValues().size());
        assertThat(after).hasSize(1);
        assertThat(after.get(0).id()).isEqualTo(flapping.get(0).id());
        assertThat(after.get(0).isActive()).isFalse();
    }

    @Test
    void shouldRaiseTheLinkAgainWhenFlappingEndsWithTheLinkDown() throws Exception {
        start(DetectConfig.defaults());
        for (int i = 0; i < 5; i++) {
            send(linkDown(i * 10));
            send(linkUp(i * 10 + 5));
        }
        send(linkDown(50));
        int before = harness.extractOutputValues().size();

        harness.processWatermark(at(50 + 60).toEpochMilli());

        List<Alarm> after =
                harness.extractOutputValues().subList(before, harness.extractOutputValues().size());
        assertThat(after)
                .extracting(Alarm::name, Alarm::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "linkDown" + DetectFunction.FLAPPING, Alarm.Status.CLEARED),
                        org.assertj.core.groups.Tuple.tuple("linkDown", Alarm.Status.ACTIVE));
    }

    @Test
    void shouldRaiseAThresholdAlarmOnlyAfterTheBreachHeldForItsDuration() throws Exception {
        ThresholdRule rule =
                new ThresholdRule(
                        "cpu.percent.active",
                        "nova.host",
                        ">",
                        90.0,
                        30_000L,
                        80.0,
                        "high cpu",
                        Severity.WARNING);
        start(DetectConfig.defaults().withThresholds(List.of(rule)));

        send(cpu(95, 0));
        send(cpu(97, 10));
        harness.processWatermark(at(29).toEpochMilli());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(at(30).toEpochMilli());
        List<Alarm> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).name()).isEqualTo("high cpu");
        assertThat(out.get(0).firstSeen()).isEqualTo(at(30));
        assertThat(out.get(0).entityId()).isEqualTo(HOST);
    }

    @Test
    void shouldKeepAThresholdAlarmInsideTheHysteresisBandAndClearBelowIt() throws Exception {
        ThresholdRule rule =
                new ThresholdRule(
                        "cpu.percent.active", null, ">", 90.0, 0L, 80.0, "high cpu", null);
        start(DetectConfig.defaults().withThresholds(List.of(rule)));

        send(cpu(95, 0));
        send(cpu(85, 10));
        send(cpu(92, 20));
        send(cpu(70, 30));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(Alarm::status)
                .containsExactly(Alarm.Status.ACTIVE, Alarm.Status.CLEARED);
        assertThat(out.get(1).lastSeen()).isEqualTo(at(30));
    }

    @Test
    void shouldNotRaiseWhenTheBreachIsInterruptedBeforeItsDuration() throws Exception {
        start(
                DetectConfig.defaults()
                        .withThresholds(
                                List.of(ThresholdRule.of("cpu.percent.active", ">", 90, 30_000))));

        send(cpu(95, 0));
        send(cpu(50, 10));
        send(cpu(96, 20));
        harness.processWatermark(at(45).toEpochMilli());

        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(at(50).toEpochMilli());
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.extractOutputValues().get(0).firstSeen()).isEqualTo(at(50));
    }

    @Test
    void shouldKeepDedupingAcrossARestoreFromASnapshot() throws Exception {
        start(DetectConfig.defaults());
        send(linkDown(0));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DetectFunction(DetectConfig.defaults())),
                        new Keys.EntityId(),
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        send(linkDown(5));
        send(linkUp(9));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).isActive()).isFalse();
        assertThat(out.get(0).firstSeen()).isEqualTo(at(0));
    }

    static ResolvedEvent deleted(String entity, String type, long s) {
        return new ResolvedEvent(
                TelemetryEvent.state(
                        entity,
                        DetectFunction.ENTITY_DELETED,
                        "deleted",
                        at(s),
                        DetectFunction.ENTITY_DELETED_SOURCE),
                entity,
                type,
                "edge-1",
                true);
    }

    @Test
    void shouldClearTheAlarmsOfADeletedEntityAndRaiseAfreshWhenItReturns() throws Exception {
        ThresholdRule rule =
                new ThresholdRule(
                        "cpu.percent.active", null, ">", 90.0, 0L, 80.0, "high cpu", null);
        start(DetectConfig.defaults().withThresholds(List.of(rule)));
        send(linkDown(0));
        send(cpu(95, 1));

        send(deleted(PORT, "nic", 10));
        send(deleted(HOST, "nova.host", 10));
        send(linkDown(20));

        List<Alarm> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(Alarm::name, Alarm::status, Alarm::lastSeen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("linkDown", Alarm.Status.ACTIVE, at(0)),
                        org.assertj.core.groups.Tuple.tuple("high cpu", Alarm.Status.ACTIVE, at(1)),
                        org.assertj.core.groups.Tuple.tuple(
                                "linkDown", Alarm.Status.CLEARED, at(10)),
                        org.assertj.core.groups.Tuple.tuple(
                                "high cpu", Alarm.Status.CLEARED, at(10)),
                        org.assertj.core.groups.Tuple.tuple(
                                "linkDown", Alarm.Status.ACTIVE, at(20)));
    }

    @Test
    void shouldTreatADeletionNoticeFromAListenerAsAnUnknownState() throws Exception {
        start(DetectConfig.defaults());
        send(linkDown(0));

        send(
                onPort(
                        TelemetryEvent.state(
                                PORT, DetectFunction.ENTITY_DELETED, "deleted", at(5), "ves")));

        assertThat(harness.extractOutputValues()).extracting(Alarm::isActive).containsExactly(true);
    }
}
