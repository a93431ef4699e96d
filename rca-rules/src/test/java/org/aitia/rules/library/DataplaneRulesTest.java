package org.aitia.rules.library;

import static org.aitia.rules.Fixtures.T0;
import static org.aitia.rules.Fixtures.T1;
import static org.aitia.rules.Fixtures.deducedId;
import static org.aitia.rules.Fixtures.engine;
import static org.aitia.rules.Fixtures.raised;
import static org.aitia.rules.Fixtures.topology;
import static org.aitia.rules.Fixtures.twoHosts;
import static org.assertj.core.api.Assertions.assertThat;

import org.aitia.model.Alarm;
import org.aitia.model.Severity;
import org.aitia.rules.Outcome;
import org.aitia.rules.RcaEngine;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class DataplaneRulesTest {

    @Test
    void shouldMakeInstancesAndPortsOnTheHostUnreachableWhenItsOvsBridgeGoesDown() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm br = raised("ves", "br-1", "ovsBridgeDown", T0);
            engine.onAlarm(br);

            assertThat(engine.alarm(deducedId("vm-1", "instance unreachable")).causedBy())
                    .containsExactly(br.id());
            assertThat(engine.alarm(deducedId("vm-2", "instance unreachable")).rule())
                    .isEqualTo("OvsBridgeDownCausesInstanceUnreachable");
            assertThat(engine.alarm(deducedId("port-1", "port unreachable")).causedBy())
                    .containsExactly(br.id());
            assertThat(engine.alarm(deducedId("vm-3", "instance unreachable"))).isNull();
            assertThat(engine.states()).containsEntry("br-1", "ERROR");
        }
    }

    /** The generator's shape: host contains bridge contains dpdk port; vnfc on instance. */
    private static EntityGraph dpdkSite() {
        return topology()
                .entity("h-1", "nova.host")
                .entity("h-1-br", "ovs.bridge")
                .entity("h-1-dpdk0", "dpdk.port")
                .entity("vm-1", "nova.instance")
                .entity("vm-1-vnfc", "vnfc")
                .entity("vfw", "vnf")
                .entity("h-2", "nova.host")
                .entity("vm-2", "nova.instance")
                .entity("vm-2-vnfc", "vnfc")
                .entity("vlb", "vnf")
                .rel("h-1", "contains", "h-1-br")
                .rel("h-1-br", "contains", "h-1-dpdk0")
                .rel("h-1", "contains", "vm-1")
                .rel("vm-1-vnfc", "on", "vm-1")
                .rel("vfw", "comprises", "vm-1-vnfc")
                .rel("h-2", "contains", "vm-2")
                .rel("vm-2-vnfc", "on", "vm-2")
                .rel("vlb", "comprises", "vm-2-vnfc")
                .graph();
    }

    @Test
    void shouldDegradeTheVnfsOnTheHostWhenADpdkPortDropsPackets() {
        try (RcaEngine engine = engine(dpdkSite())) {
            Alarm drops = raised("aitia-detect", "h-1-dpdk0", "dpdkRxDrops", T0);
            Outcome o = engine.onAlarm(drops);

            Alarm vfw = engine.alarm(deducedId("vfw", "vnf degraded"));
            assertThat(vfw.causedBy()).containsExactly(drops.id());
            assertThat(vfw.severity()).isEqualTo(Severity.WARNING);
            assertThat(engine.alarm(deducedId("vlb", "vnf degraded"))).isNull();
            assertThat(o.stateChanges())
                    .containsEntry("vfw", "SUBOPTIMAL")
                    .containsEntry("h-1-dpdk0", "SUBOPTIMAL");
        }
    }

    @Test
    void shouldDegradeTheVnfsOnTheHostWhenADpdkPortCountsRxErrors() {
        try (RcaEngine engine = engine(dpdkSite())) {
            Alarm errors = raised("aitia-detect", "h-1-dpdk0", "dpdkRxErrors", T0);
            engine.onAlarm(errors);
            assertThat(engine.alarm(deducedId("vfw", "vnf degraded")).causedBy())
                    .containsExactly(errors.id());

            Outcome o = engine.onAlarm(errors.cleared(T1));
            assertThat(o.alarms())
                    .extracting(Alarm::id, Alarm::status)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    deducedId("vfw", "vnf degraded"), Alarm.Status.CLEARED));
            assertThat(engine.states()).isEmpty();
        }
    }

    @Test
    void shouldMakeInstancesSuboptimalWhenTheirHostsCpuIsOverloaded() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm cpu = raised("collectd", "compute-1", "cpuOverload", T0);
            engine.onAlarm(cpu);

            Alarm vm1 = engine.alarm(deducedId("vm-1", "CPU performance degradation"));
            assertThat(vm1.causedBy()).containsExactly(cpu.id());
            assertThat(vm1.severity()).isEqualTo(Severity.WARNING);
            assertThat(engine.states())
                    .containsEntry("compute-1", "SUBOPTIMAL")
                    .containsEntry("vm-1", "SUBOPTIMAL")
                    .containsEntry("vm-2", "SUBOPTIMAL")
                    .doesNotContainKey("vm-3");
        }
    }

    @Test
    void shouldMakeInstancesSuboptimalWhenTheirHostIsUnderMemoryPressure() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm mem = raised("collectd", "compute-2", "memoryPressure", T0);
            engine.onAlarm(mem);

            assertThat(engine.alarm(deducedId("vm-3", "memory performance degradation")).causedBy())
                    .containsExactly(mem.id());
            assertThat(engine.states())
                    .containsEntry("compute-2", "SUBOPTIMAL")
                    .containsEntry("vm-3", "SUBOPTIMAL");
        }
    }
}
