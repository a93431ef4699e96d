package org.aitia.rules.library;

import static org.aitia.rules.Fixtures.T0;
import static org.aitia.rules.Fixtures.T1;
import static org.aitia.rules.Fixtures.T2;
import static org.aitia.rules.Fixtures.deducedId;
import static org.aitia.rules.Fixtures.engine;
import static org.aitia.rules.Fixtures.linkDown;
import static org.aitia.rules.Fixtures.raised;
import static org.aitia.rules.Fixtures.twoHosts;
import static org.assertj.core.api.Assertions.assertThat;

import org.aitia.model.Alarm;
import org.aitia.rules.RcaEngine;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {

    @Test
    void shouldTraceEveryInstanceBehindATorSwitchBackToTheSwitchWhenItGoesDown() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm sw = raised("ves", "tor-1", "switchDown", T0);
            engine.onAlarm(sw);

            Alarm nic1 = engine.alarm(deducedId("compute-1-nic0", "linkDown"));
            Alarm nic2 = engine.alarm(deducedId("compute-2-nic0", "linkDown"));
            assertThat(nic1.causedBy()).containsExactly(sw.id());
            assertThat(nic2.causedBy()).containsExactly(sw.id());
            assertThat(engine.alarm(deducedId("vm-1", "instance unreachable")).causedBy())
                    .containsExactly(nic1.id());
            assertThat(engine.alarm(deducedId("vm-3", "instance unreachable")).causedBy())
                    .containsExactly(nic2.id());
            assertThat(engine.consequences(sw.id()))
                    .extracting(Alarm::entityId)
                    .contains("compute-1-nic0", "compute-2-nic0", "vm-1", "vm-2", "vm-3", "port-1");
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(sw.id());
            assertThat(engine.states())
                    .containsEntry("tor-1", "ERROR")
                    .containsEntry("compute-1", "SUBOPTIMAL")
                    .containsEntry("compute-2", "SUBOPTIMAL")
                    .containsEntry("vm-3", "ERROR");
        }
    }

    @Test
    void shouldExplainTheNicsOwnLinkDownByTheSwitchSoOnlyTheSwitchIsARootCause() {
        try (RcaEngine engine = engine(twoHosts().graph())) {
            Alarm sw = raised("ves", "tor-1", "switchDown", T0);
            engine.onAlarm(sw);
            Alarm nic = linkDown("compute-1-nic0", T1);
            engine.onAlarm(nic);

            assertThat(engine.alarm(nic.id()).causedBy())
                    .containsExactly(deducedId("compute-1-nic0", "linkDown"));
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(sw.id());

            // the switch comes back but the NIC stays down: now the NIC is the root cause
            engine.onAlarm(sw.cleared(T2));
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(nic.id());
            assertThat(engine.alarm(deducedId("vm-1", "instance unreachable")).causedBy())
                    .containsExactly(nic.id());
            assertThat(engine.alarm(deducedId("vm-3", "instance unreachable"))).isNull();
        }
    }

    @Test
    void shouldTakeDownThePortsOfASwitchAndTheirNicsWhenTheSwitchGoesDown() {
        var graph =
                org.aitia.rules.Fixtures.topology()
                        .entity("tor-9", "switch")
                        .entity("tor-9:eth1", "switch")
                        .entity("h-1", "nova.host")
                        .entity("h-1-nic0", "nic")
                        .entity("vm-9", "nova.instance")
                        .rel("tor-9", "contains", "tor-9:eth1")
                        .rel("h-1-nic0", "attached", "tor-9:eth1")
                        .rel("h-1", "contains", "h-1-nic0")
                        .rel("h-1", "contains", "vm-9")
                        .graph();
        try (RcaEngine engine = engine(graph)) {
            Alarm sw = raised("ves", "tor-9", "switchDown", T0);
            engine.onAlarm(sw);

            Alarm port = engine.alarm(deducedId("tor-9:eth1", "linkDown"));
            assertThat(port.causedBy()).containsExactly(sw.id());
            assertThat(engine.alarm(deducedId("h-1-nic0", "linkDown")).causedBy())
                    .containsExactly(port.id());
            assertThat(engine.alarm(deducedId("vm-9", "instance unreachable"))).isNotNull();
        }
    }

    @Test
    void shouldTreatASwitchPortLinkDownLikeTheSwitchForTheNicsAttachedToIt() {
        var graph =
                org.aitia.rules.Fixtures.topology()
                        .entity("tor-9:eth1", "switch")
                        .entity("h-1", "nova.host")
                        .entity("h-1-nic0", "nic")
                        .entity("vm-9", "nova.instance")
                        .rel("h-1-nic0", "attached", "tor-9:eth1")
                        .rel("h-1", "contains", "h-1-nic0")
                        .rel("h-1", "contains", "vm-9")
                        .graph();
        try (RcaEngine engine = engine(graph)) {
            Alarm port = raised("ves", "tor-9:eth1", "linkDown", T0);
            engine.onAlarm(port);

            assertThat(engine.alarm(deducedId("h-1-nic0", "linkDown")).causedBy())
                    .containsExactly(port.id());
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(port.id());
        }
    }
}
