package org.aitia.rules.library;

import static org.aitia.rules.Fixtures.T0;
import static org.aitia.rules.Fixtures.T1;
import static org.aitia.rules.Fixtures.T29;
import static org.aitia.rules.Fixtures.T31;
import static org.aitia.rules.Fixtures.deducedId;
import static org.aitia.rules.Fixtures.engine;
import static org.aitia.rules.Fixtures.entity;
import static org.aitia.rules.Fixtures.hostDown;
import static org.aitia.rules.Fixtures.raised;
import static org.aitia.rules.Fixtures.rel;
import static org.aitia.rules.Fixtures.topology;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.HealingAction;
import org.aitia.model.TopologyChange;
import org.aitia.rules.Outcome;
import org.aitia.rules.RcaEngine;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class ServiceRulesTest {

    /**
     * chain-1: vfw (VM VNF: vfw-c1 on vm-1 on compute-1) chained to vcdn (container VNF: vcdn-c1 on
     * pod-1 on k8s node-1); chain-2 includes vfw only.
     */
    private static EntityGraph mixedChain() {
        return topology()
                .entity("compute-1", "nova.host")
                .entity("vm-1", "nova.instance")
                .entity("node-1", "kubernetes.node")
                .entity(
                        new Entity(
                                "pod-1",
                                "kubernetes.pod",
                                "pod-1",
                                "edge-1",
                                null,
                                Map.of("namespace", "cdn")))
                .entity("vfw", "vnf")
                .entity("vfw-c1", "vnfc")
                .entity("vcdn", "vnf")
                .entity("vcdn-c1", "vnfc")
                .entity("chain-1", "network_service")
                .entity("chain-2", "network_service")
                .entity("vol-1", "cinder.volume")
                .rel("compute-1", "contains", "vm-1")
                .rel("node-1", "contains", "pod-1")
                .rel("vfw-c1", "on", "vm-1")
                .rel("vcdn-c1", "on", "pod-1")
                .rel("vfw", "comprises", "vfw-c1")
                .rel("vcdn", "comprises", "vcdn-c1")
                .rel("chain-1", "chained_to", "vfw")
                .rel("vfw", "chained_to", "vcdn")
                .rel("chain-2", "includes", "vfw")
                .rel("vol-1", "attached", "vm-1")
                .graph();
    }

    @Test
    void shouldDegradeEveryServiceChainThroughAVnfWhenTheVnfReportsAFault() {
        try (RcaEngine engine = engine(mixedChain())) {
            Alarm fault = raised("ves", "vfw", "fault.vfw.packetLoss", T0);
            engine.onAlarm(fault);

            assertThat(engine.alarm(deducedId("chain-1", "service chain degraded")).causedBy())
                    .containsExactly(fault.id());
            assertThat(engine.alarm(deducedId("chain-2", "service chain degraded")).causedBy())
                    .containsExactly(fault.id());
            assertThat(engine.states())
                    .containsEntry("chain-1", "SUBOPTIMAL")
                    .containsEntry("chain-2", "SUBOPTIMAL");
        }
    }

    @Test
    void shouldDegradeTheVnfAndItsChainsWhenOneOfItsVnfcsReportsAFault() {
        try (RcaEngine engine = engine(mixedChain())) {
            Alarm fault = raised("ves", "vcdn-c1", "cacheMiss", T0);
            engine.onAlarm(fault);

            Alarm vnf = engine.alarm(deducedId("vcdn", "vnf degraded"));
            assertThat(vnf.causedBy()).containsExactly(fault.id());
            assertThat(engine.alarm(deducedId("chain-1", "service chain degraded")).causedBy())
                    .containsExactly(vnf.id());
            assertThat(engine.alarm(deducedId("chain-2", "service chain degraded"))).isNull();
        }
    }

    @Test
    void shouldDegradeTheVnfWhenAVnfcAlarmedBeforeItWasDiscoveredJoinsTheTopology() {
        // the rule only lets alarms on vnfc entities in: an alarm that arrives before its entity
        // must follow the entity's type as the topology learns it, and forgets it
        EntityGraph graph =
                topology()
                        .entity("vcdn", "vnf")
                        .entity("chain-1", "network_service")
                        .rel("chain-1", "chained_to", "vcdn")
                        .graph();
        try (RcaEngine engine = engine(graph)) {
            Alarm fault = raised("ves", "vcdn-c1", "cacheMiss", T0);
            engine.onAlarm(fault);
            assertThat(engine.alarm(deducedId("vcdn", "vnf degraded"))).isNull();

            engine.apply(TopologyChange.upsert(entity("vcdn-c1", "vnfc")).at(T1));
            engine.apply(TopologyChange.upsert(rel("vcdn", "comprises", "vcdn-c1")).at(T1));

            Alarm vnf = engine.alarm(deducedId("vcdn", "vnf degraded"));
            assertThat(vnf).isNotNull();
            assertThat(vnf.causedBy()).containsExactly(fault.id());
            assertThat(engine.alarm(deducedId("chain-1", "service chain degraded")).causedBy())
                    .containsExactly(vnf.id());

            // re-modelled as something else: no longer a VNFC fault
            Outcome o =
                    engine.apply(TopologyChange.upsert(entity("vcdn-c1", "nova.instance")).at(T1));
            assertThat(o.alarms())
                    .extracting(Alarm::id, Alarm::status)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    deducedId("vcdn", "vnf degraded"), Alarm.Status.CLEARED));
            assertThat(engine.alarm(deducedId("chain-1", "service chain degraded"))).isNull();

            engine.apply(TopologyChange.upsert(entity("vcdn-c1", "vnfc")).at(T1));
            assertThat(engine.alarm(deducedId("vcdn", "vnf degraded"))).isNotNull();
        }
    }

    @Test
    void shouldDegradeAMixedChainWhenTheHostOfItsVmVnfGoesDown() {
        try (RcaEngine engine = engine(mixedChain())) {
            Alarm down = hostDown("compute-1", T0);
            engine.onAlarm(down);

            Alarm chain = engine.alarm(deducedId("chain-1", "service chain degraded"));
            assertThat(chain).isNotNull();
            assertThat(chain.rootCause()).isFalse();
            assertThat(engine.consequences(down.id()))
                    .extracting(Alarm::entityId)
                    .contains("vm-1", "vfw-c1", "vfw", "chain-1", "chain-2");
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(down.id());
        }
    }

    @Test
    void shouldDegradeAMixedChainAndCordonTheNodeWhenTheNodeOfItsContainerVnfIsNotReady() {
        try (RcaEngine engine = engine(mixedChain())) {
            Alarm notReady = raised("k8s", "node-1", "NotReady", T0);
            Outcome o = engine.onAlarm(notReady);

            assertThat(engine.alarm(deducedId("pod-1", "pod unavailable")).causedBy())
                    .containsExactly(notReady.id());
            assertThat(engine.consequences(notReady.id()))
                    .extracting(Alarm::entityId)
                    .contains("pod-1", "vcdn-c1", "vcdn", "chain-1")
                    .doesNotContain("chain-2");
            assertThat(o.actions())
                    .extracting(HealingAction::type, HealingAction::target)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("k8s.node.cordon", "node-1"),
                            org.assertj.core.groups.Tuple.tuple("k8s.pod.delete", "pod-1"));
            assertThat(o.actions().get(1).parameters()).containsEntry("namespace", "cdn");
            assertThat(engine.states())
                    .containsEntry("node-1", "ERROR")
                    .containsEntry("pod-1", "ERROR");
        }
    }

    @Test
    void shouldMarkAVnfcUnresponsiveOnlyAfterThirtySecondsOfMissedHeartbeatsAndRestartItsPod() {
        try (RcaEngine engine = engine(mixedChain())) {
            Alarm hb = raised("ves", "vcdn-c1", "heartbeatMissed", T0);
            engine.onAlarm(hb);
            assertThat(engine.advanceTo(T29).alarms()).isEmpty();
            assertThat(engine.alarm(deducedId("vcdn-c1", "vnfc unresponsive"))).isNull();

            Outcome o = engine.advanceTo(T31);

            assertThat(engine.alarm(deducedId("vcdn-c1", "vnfc unresponsive")).causedBy())
                    .containsExactly(hb.id());
            assertThat(o.actions())
                    .extracting(HealingAction::type, HealingAction::target)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("k8s.pod.delete", "pod-1"));
            assertThat(o.stateChanges()).containsEntry("vcdn-c1", "ERROR");
        }
    }

    @Test
    void shouldNotMarkAVnfcUnresponsiveWhenTheHeartbeatComesBackWithinThirtySeconds() {
        try (RcaEngine engine = engine(mixedChain())) {
            Alarm hb = raised("ves", "vfw-c1", "heartbeatMissed", T0);
            engine.onAlarm(hb);
            engine.onAlarm(hb.cleared(T29));

            Outcome o = engine.advanceTo(T31);

            assertThat(o.actions()).isEmpty();
            assertThat(engine.activeAlarms()).isEmpty();
        }
    }

    @Test
    void shouldDegradeTheInstanceUsingAVolumeInError() {
        try (RcaEngine engine = engine(mixedChain())) {
            Alarm vol = raised("cinder", "vol-1", "volumeError", T0);
            engine.onAlarm(vol);

            assertThat(engine.alarm(deducedId("vm-1", "instance volume error")).causedBy())
                    .containsExactly(vol.id());
            assertThat(engine.states())
                    .containsEntry("vol-1", "ERROR")
                    .containsEntry("vm-1", "SUBOPTIMAL");

            engine.onAlarm(vol.cleared(T1));
            assertThat(engine.activeAlarms()).isEmpty();
        }
    }
}
