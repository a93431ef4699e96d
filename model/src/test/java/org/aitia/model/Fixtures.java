package org.aitia.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named instants and factory methods shared by the model tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = T0.plusMillis(450);

    private Fixtures() {}

    static TelemetryEvent linkDown(String nic, Instant at) {
        return new TelemetryEvent(
                TelemetryEvent.Kind.FAULT,
                nic,
                "nic",
                "linkDown",
                null,
                Severity.CRITICAL,
                "FAILURE",
                null,
                at,
                "collectd",
                Map.of("host", "compute-3"));
    }

    static TelemetryEvent cpu(String host, double value, Instant at) {
        return TelemetryEvent.metric(host, "cpu.percent.active", value, at, "collectd");
    }

    static TelemetryEvent hostState(String host, Instant at) {
        return TelemetryEvent.state(host, "compute.host.down", "down", at, "doctor");
    }

    static Alarm nicAlarm(Instant at) {
        return Alarm.raised(
                        "collectd", "compute-3-nic0", "edge-1", "linkDown", Severity.CRITICAL, at)
                .withOriginalSeverity("FAILURE");
    }

    static Alarm instanceUnreachable(Instant at) {
        return Alarm.deduced(
                "vm-17",
                "edge-1",
                "instance unreachable",
                Severity.CRITICAL,
                "HostNicDownCausesInstanceUnreachable",
                List.of(nicAlarm(at).id()),
                at);
    }

    static Entity host() {
        return new Entity(
                "compute-3",
                "nova.host",
                "compute-3",
                "edge-1",
                "AVAILABLE",
                Map.of("ip", "10.0.0.3"));
    }

    static Relationship hostContainsVm() {
        return new Relationship("compute-3", "vm-17", Relationship.CONTAINS);
    }

    static HealingAction forceDown(Instant at) {
        return HealingAction.of(
                "nova.host.force_down",
                "compute-3",
                "edge-1",
                Map.of("host", "compute-3"),
                List.of(nicAlarm(at).id()),
                "DoctorHostDown",
                true,
                at);
    }
}
