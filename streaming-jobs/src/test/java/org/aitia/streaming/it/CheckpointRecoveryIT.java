package org.aitia.streaming.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.Topology;
import org.aitia.streaming.EmbeddedAssurance;
import org.aitia.streaming.StreamingConfig;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the job in the middle of a replayed incident, restores it from its last checkpoint and
 * compares its conclusions with those of an uninterrupted run.
 */
class CheckpointRecoveryIT {
    static KafkaBroker broker;
    static Topology topology;
    static List<TelemetryEvent> nicDown;
    static List<TelemetryEvent> hostsDown;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.start();
        Incident nic = Bus.incident("nic-link-down-collectd");
        Incident host = Bus.incident("host-down-doctor");
        topology = union(nic.topology(), host.topology());
        nicDown = Bus.telemetryOf(nic);
        Instant t = host.start().plusSeconds(5);
        hostsDown = new ArrayList<>(Bus.telemetryOf(host));
        hostsDown.add(
                TelemetryEvent.fault(
                        "compute-4", "compute.host.down", Severity.CRITICAL, t, "doctor"));
        hostsDown.add(
                TelemetryEvent.fault(
                        "compute-3",
                        "compute.host.down",
                        Severity.OK,
                        t.plusSeconds(10),
                        "doctor"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    static Topology union(Topology a, Topology b) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        a.entities().forEach(e -> entities.put(e.id(), e));
        b.entities().forEach(e -> entities.putIfAbsent(e.id(), e));
        Map<String, Relationship> rels = new LinkedHashMap<>();
        a.relationships().forEach(r -> rels.put(r.id(), r));
        b.relationships().forEach(r -> rels.putIfAbsent(r.id(), r));
        return new Topology(List.copyOf(entities.values()), List.copyOf(rels.values()));
    }

    static boolean concluded(Bus bus) {
        return bus.active("compute-3-eth0", "linkDown") != null
                && bus.hasAction("nova.host.force_down", "compute-3")
                && bus.hasAction("nova.host.force_down", "compute-4")
                && bus.alarms().values().stream()
                        .anyMatch(
                                a ->
                                        a.entityId().equals("compute-3")
                                                && a.name().equals("compute.host.down")
                                                && !a.isActive());
    }

    /** What a reader of the output topics ends up knowing: each alarm's final transition. */
    static Map<String, String> conclusions(Bus bus) {
        // The causes a CLEARED transition still carries are history, not a conclusion: rca-rules
        // reports them as they stood when the clear was processed, which depends on how the
        // events were batched. Compared: every alarm's final status; causes of active ones.
        Map<String, String> out = new TreeMap<>();
        for (Alarm a : bus.alarms().values()) {
            String what = a.entityId() + " " + a.name() + " " + a.status();
            if (a.isActive()) {
                what +=
                        " root="
                                + a.rootCause()
                                + " causedBy="
                                + a.causedBy().stream().sorted().toList();
            }
            out.put(a.id(), what);
        }
        return out;
    }

    @Test
    void shouldConcludeTheSameAlarmsAndActionsAfterAKillAndARestoreFromTheLastCheckpoint(
            @TempDir Path dirA, @TempDir Path dirB) throws Exception {
        Map<String, String> uninterruptedAlarms;
        List<String> uninterruptedActions;
        try (Bus a = new Bus(broker, "recovery-a")) {
            a.topology(topology);
            try (EmbeddedAssurance job = EmbeddedAssurance.start(checkpointed(a, dirA))) {
                for (TelemetryEvent e : nicDown) {
                    a.telemetry(e);
                }
                for (TelemetryEvent e : hostsDown) {
                    a.telemetry(e);
                }
                assertThat(a.readUntil(CheckpointRecoveryIT::concluded, Duration.ofSeconds(90)))
                        .as("uninterrupted run: %s %s", a.alarms(), a.actions())
                        .isTrue();
                a.readUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(20));
            }
            uninterruptedAlarms = conclusions(a);
            uninterruptedActions = a.actions().keySet().stream().sorted().toList();
        }

        try (Bus b = new Bus(broker, "recovery-b")) {
            b.topology(topology);
            StreamingConfig config = checkpointed(b, dirB);
            Path checkpoint;
            try (EmbeddedAssurance job = EmbeddedAssurance.start(config)) {
                for (TelemetryEvent e : nicDown) {
                    b.telemetry(e);
                }
                assertThat(
                                b.readUntil(
                                        x -> x.active("compute-3-eth0", "linkDown") != null,
                                        Duration.ofSeconds(90)))
                        .isTrue();
                Instant concluded = Instant.now();
                checkpoint = awaitCheckpointAfter(dirB, concluded);
                b.telemetry(hostsDown.get(0));
                b.telemetry(hostsDown.get(1));
                job.cancel();
            }
            int beforeRestore = b.actionRecords.size();
            try (EmbeddedAssurance restored =
                    EmbeddedAssurance.start(
                            config.withRestoreFrom(checkpoint.toUri().toString()))) {
                for (TelemetryEvent e : hostsDown.subList(2, hostsDown.size())) {
                    b.telemetry(e);
                }
                assertThat(b.readUntil(CheckpointRecoveryIT::concluded, Duration.ofSeconds(90)))
                        .as("restored run: %s %s", b.alarms(), b.actions())
                        .isTrue();
                b.readUntilQuiet(Duration.ofSeconds(3), Duration.ofSeconds(20));
            }
            assertThat(conclusions(b)).isEqualTo(uninterruptedAlarms);
            assertThat(b.actions().keySet().stream().sorted().toList())
                    .as("action ids (%d action records before the restore)", beforeRestore)
                    .isEqualTo(uninterruptedActions);
        }
    }

    StreamingConfig checkpointed(Bus bus, Path dir) {
        return bus.config().withCheckpoints(500, dir.toUri().toString());
    }

    /** The first checkpoint completed after {@code after}: its {@code chk-N} directory. */
    static Path awaitCheckpointAfter(Path dir, Instant after) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            Optional<Path> latest = latestCheckpoint(dir);
            if (latest.isPresent()
                    && Files.getLastModifiedTime(latest.get().resolve("_metadata"))
                                    .compareTo(FileTime.from(after))
                            > 0) {
                return latest.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint completed in " + dir + " after " + after);
    }

    static Optional<Path> latestCheckpoint(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .max(
                            Comparator.comparingInt(
                                    p ->
                                            Integer.parseInt(
                                                    p.getFileName().toString().substring(4))));
        }
    }
}
