package org.aitia.streaming.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aitia.model.Alarm;
import org.aitia.model.TelemetryEvent;
import org.aitia.streaming.EmbeddedAssurance;
import org.aitia.testdata.incident.Expectations;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wired job on an embedded MiniCluster against a real Kafka broker, fed recorded incidents. */
class AssuranceJobIT {
    static KafkaBroker broker;

    @BeforeAll
    static void startKafka() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Replays {@code name} through the job and checks its expectations on the output topics. */
    static Bus replay(String name) throws Exception {
        Incident incident = Bus.incident(name);
        Bus bus = new Bus(broker, "it-" + name);
        bus.topology(incident.topology());
        try (EmbeddedAssurance job =
                EmbeddedAssurance.start(bus.config().withCheckpoints(0, null))) {
            for (TelemetryEvent e : Bus.telemetryOf(incident)) {
                bus.telemetry(e);
            }
            Expectations expect = incident.expect();
            boolean concluded =
                    bus.readUntil(
                            b ->
                                    expect.rootCauses().stream()
                                                    .allMatch(
                                                            rc -> rootCause(b, rc.entity()) != null)
                                            && expect.actions().stream()
                                                    .allMatch(
                                                            a -> b.hasAction(a.type(), a.target()))
                                            && expect.consequences().stream()
                                                    .allMatch(c -> consequence(b, c) != null),
                            Duration.ofSeconds(90));
            assertThat(concluded)
                    .as(
                            "conclusions of %s: alarms %s actions %s",
                            name, bus.alarms(), bus.actions())
                    .isTrue();
            bus.readUntilQuiet(Duration.ofSeconds(2), Duration.ofSeconds(10));
            for (String entity : expect.notRootCauses()) {
                assertThat(rootCause(bus, entity)).as("root cause on %s", entity).isNull();
            }
            for (Expectations.Action forbidden : expect.forbiddenActions()) {
                assertThat(bus.hasAction(forbidden.type(), forbidden.target())).isFalse();
            }
        }
        return bus;
    }

    static Alarm rootCause(Bus bus, String entity) {
        return bus.alarms().values().stream()
                .filter(a -> a.isActive() && a.rootCause() && a.entityId().equals(entity))
                .findFirst()
                .orElse(null);
    }

    static Alarm consequence(Bus bus, String entity) {
        return bus.alarms().values().stream()
                .filter(a -> a.isActive() && !a.causedBy().isEmpty() && a.entityId().equals(entity))
                .findFirst()
                .orElse(null);
    }

    @Test
    void shouldForceTheHostDownAndResetItsInstancesWhenDoctorReportsItDown() throws Exception {
        try (Bus bus = replay("host-down-doctor")) {
            Alarm root = rootCause(bus, "compute-3");
            assertThat(root.name()).isEqualTo("compute.host.down");
            assertThat(root.site()).isEqualTo("edge-1");
            assertThat(consequence(bus, "vm-17").causedBy()).contains(root.id());
            assertThat(bus.actions().values())
                    .allSatisfy(a -> assertThat(a.alarmIds()).isNotEmpty());
        }
    }

    @Test
    void shouldBlameTheNicAndNotTheInstancesWhenCollectdReportsTheLinkDown() throws Exception {
        try (Bus bus = replay("nic-link-down-collectd")) {
            assertThat(rootCause(bus, "compute-3-eth0").name()).isEqualTo("linkDown");
        }
    }
}
