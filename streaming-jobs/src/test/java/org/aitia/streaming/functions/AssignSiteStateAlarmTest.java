package org.aitia.streaming.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.TopologyChange;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignSiteStateAlarmTest {
    static final Instant T0 = Instant.parse("2026-01-07T05:30:00Z");
    static final Instant T1 = T0.plusSeconds(1);

    KeyedOneInputStreamOperatorTestHarness<String, TopologyChange, SiteInput> harness;

    static Entity node(String state) {
        return new Entity("worker-2", "kubernetes.node", "worker-2", "edge-k8s-1", state, Map.of());
    }

    @BeforeEach
    void start() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new AssignSite(List.of("NotReady", "error")),
                        new TopologyRoutingKey(),
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    List<Alarm> alarms() {
        return harness.extractOutputValues().stream()
                .filter(in -> in.alarm() != null)
                .map(SiteInput::alarm)
                .toList();
    }

    @Test
    void shouldRaiseAnAlarmNamedAfterTheProblemStateADatasourceReports() throws Exception {
        harness.processElement(TopologyChange.upsert(node("Ready")).at(T0), 0);
        assertThat(alarms()).isEmpty();

        harness.processElement(TopologyChange.upsert(node("NotReady")).at(T1), 0);

        assertThat(alarms())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.entityId()).isEqualTo("worker-2");
                            assertThat(a.site()).isEqualTo("edge-k8s-1");
                            assertThat(a.name()).isEqualTo("NotReady");
                            assertThat(a.source()).isEqualTo(AssignSite.STATE_SOURCE);
                            assertThat(a.isActive()).isTrue();
                            assertThat(a.firstSeen()).isEqualTo(T1);
                        });
    }

    @Test
    void shouldClearTheAlarmWhenTheStateRecoversAndNotRaiseItTwice() throws Exception {
        harness.processElement(TopologyChange.upsert(node("NotReady")).at(T0), 0);
        harness.processElement(TopologyChange.upsert(node("NotReady")).at(T0), 0);
        harness.processElement(TopologyChange.upsert(node("Ready")).at(T1), 0);

        assertThat(alarms())
                .extracting(a -> a.name() + " " + a.status())
                .containsExactly("NotReady ACTIVE", "NotReady CLEARED");
        assertThat(alarms().get(1).id()).isEqualTo(alarms().get(0).id());
    }

    @Test
    void shouldClearTheAlarmWhenTheEntityIsDeleted() throws Exception {
        harness.processElement(TopologyChange.upsert(node("NotReady")).at(T0), 0);
        harness.processElement(TopologyChange.delete(node("NotReady")).at(T1), 0);

        assertThat(alarms())
                .extracting(a -> a.status().name())
                .containsExactly("ACTIVE", "CLEARED");
    }
}
