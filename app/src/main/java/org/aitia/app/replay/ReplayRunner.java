package org.aitia.app.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.collectors.parse.Parsers;
import org.aitia.collectors.parse.RejectedPayloadException;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.StreamingConfig;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.incident.RecordedEvent;
import org.aitia.testdata.stack.KafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays incidents through the real pipeline, one after the other, on one broker: each payload
 * goes through the parser its listener runs (a payload the listener would refuse is refused here,
 * counted, and put on the dead-letter topic), then onto Kafka, through the assurance job and the
 * healing executor (dry-run); the conclusions are checked against the incident's expectations.
 */
public final class ReplayRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayRunner.class);

    /** How long the pipeline must stay silent after the last event before the incident ends. */
    static final Duration QUIET = Duration.ofMillis(2500);

    /** How long to wait for a first conclusion when none has come yet. */
    static final Duration FIRST_OUTPUT = Duration.ofSeconds(15);

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final KafkaBroker broker;
    private final Path workDir;
    private final double speed;
    private final StreamingConfig streaming;
    private int sequence;
    private String lastNamespace;

    /**
     * @param broker the shared broker
     * @param workDir where per-incident state (healing journal) goes
     * @param speed replay speed: 1 = as recorded, 10 = ten times faster
     * @param streaming the job's configuration (the {@code streaming} section: thresholds,
     *     watermarks); Kafka and topics are the replay's own
     */
    public ReplayRunner(KafkaBroker broker, Path workDir, double speed, StreamingConfig streaming) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be > 0 but was " + speed);
        }
        this.broker = broker;
        this.workDir = workDir;
        this.speed = speed;
        this.streaming = streaming;
    }

    /** Replays one incident and reports on it. */
    public ReplayReport replay(Incident incident) throws Exception {
        String namespace = String.format("i%03d", ++sequence);
        lastNamespace = namespace;
        Path dir = Files.createDirectories(workDir.resolve(namespace));
        LOG.info(
                "replaying '{}' ({} events) as {}",
                incident.name(),
                incident.events().size(),
                namespace);
        Timeline timeline = new Timeline();
        int rejected = 0;
        try (IncidentPipeline pipeline =
                new IncidentPipeline(broker, namespace, dir, ruleSets(incident), streaming)) {
            for (TopologyChange c : incident.topology().asChanges()) {
                pipeline.topology(c.at(incident.start()));
            }
            pipeline.awaitJobRunning(Duration.ofSeconds(60));
            pipeline.warmUp(incident.start(), Duration.ofSeconds(60));
            long startNanos = System.nanoTime();
            for (RecordedEvent e : incident.events()) {
                pace(startNanos, e.atMs());
                if (e.source().equals("topology")) {
                    TopologyChange c = Json.mapper().treeToValue(e.payload(), TopologyChange.class);
                    // a change without its own time happened when it was recorded
                    pipeline.topology(
                            c.time() != null ? c : c.at(incident.start().plusMillis(e.atMs())));
                    timeline.handed(System.nanoTime(), List.of());
                    continue;
                }
                List<TelemetryEvent> parsed;
                try {
                    parsed =
                            Parsers.forSource(e.source())
                                    .parse(e.payloadText().getBytes(StandardCharsets.UTF_8));
                } catch (RejectedPayloadException ex) {
                    rejected++;
                    LOG.info(
                            "{} line {}: {} payload refused: {}",
                            incident.dir(),
                            e.line(),
                            e.source(),
                            ex.getMessage());
                    pipeline.deadLetter(e.source(), ex.getMessage(), e.payloadText());
                    continue;
                }
                for (TelemetryEvent t : parsed) {
                    pipeline.telemetry(t);
                }
                timeline.handed(System.nanoTime(), parsed);
            }
            pipeline.markHanded();
            Observations seen = pipeline.awaitQuiet(QUIET, FIRST_OUTPUT, MAX_WAIT);
            synchronized (seen) {
                return new ReportBuilder(incident, seen, timeline)
                        .build(incident.events().size(), rejected);
            }
        }
    }

    private void pace(long startNanos, long atMs) throws InterruptedException {
        long due = startNanos + (long) (atMs * 1_000_000L / speed);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }

    /** The incident's rules/ as rule-set messages for its rules topic (key: file name). */
    static Map<String, String> ruleSets(Incident incident) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path p : incident.rules()) {
            String name = p.getFileName().toString();
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", name);
            message.put("version", 1);
            message.put("kind", name.endsWith(".drl") ? "drl" : "vitrage");
            message.put("content", Files.readString(p));
            out.put(name, Json.write(message));
        }
        return out;
    }

    /**
     * Replays every incident on one broker started for them, with a progress bar on a terminal
     * (none with JSON output), prints the reports and returns them.
     */
    public static List<ReplayReport> replayAll(
            List<Incident> incidents,
            double speed,
            StreamingConfig streaming,
            boolean json,
            PrintStream out,
            KeepRunning keep)
            throws Exception {
        Path work = Files.createTempDirectory("aitia-replay-");
        List<ReplayReport> reports = new ArrayList<>();
        ProgressBar bar =
                new ProgressBar(System.err, !json && ProgressBar.onTerminal(), incidents.size());
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"));
                ReplayRunner runner = new ReplayRunner(broker, work, speed, streaming)) {
            for (int i = 0; i < incidents.size(); i++) {
                bar.show(i, incidents.get(i).name());
                ReplayReport report = runner.replay(incidents.get(i));
                reports.add(report);
                bar.finish();
                print(List.of(report), json, out);
            }
            if (keep != null && runner.lastNamespace != null) {
                keep.inspect(broker.bootstrapServers(), "r." + runner.lastNamespace + ".");
            }
        } finally {
            deleteQuietly(work);
        }
        return reports;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove the replay's scratch folder {}: {}", dir, e.toString());
        }
    }

    /** What {@code --keep-running} does once the incidents are replayed: it returns when done. */
    @FunctionalInterface
    public interface KeepRunning {
        /**
         * @param bootstrapServers the replay's broker
         * @param topicPrefix the prefix of the last incident's topics ({@code r.i007.})
         */
        void inspect(String bootstrapServers, String topicPrefix) throws Exception;
    }

    /** Prints reports: one JSON line each, or a human summary. */
    public static void print(List<ReplayReport> reports, boolean json, PrintStream out) {
        for (ReplayReport r : reports) {
            if (json) {
                out.println(Json.write(r));
                continue;
            }
            out.println((r.passed() ? "PASS " : "FAIL ") + r.incident());
            out.println(
                    "  events: "
                            + r.events().read()
                            + " read, "
                            + r.events().rejected()
                            + " rejected;"
                            + " root causes: "
                            + r.rootCauses().size()
                            + "; raw alarms: "
                            + r.compression().rawAlarms()
                            + "; latency ms: root cause "
                            + r.latencyMs().rootCause()
                            + ", action "
                            + r.latencyMs().action());
            List<String> failed = new ArrayList<>();
            r.expectations().stream().filter(x -> !x.ok()).forEach(x -> failed.add(x.expect()));
            for (String f : failed) {
                out.println("  expected but not seen: " + f);
            }
        }
    }

    @Override
    public void close() {
        // the broker belongs to the caller
    }
}
