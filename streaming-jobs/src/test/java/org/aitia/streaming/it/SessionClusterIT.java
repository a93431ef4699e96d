package org.aitia.streaming.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.aitia.model.TelemetryEvent;
import org.aitia.streaming.AssuranceJob;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.stack.FlinkSessionCluster;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * The job jar on a real standalone Flink session cluster (a JobManager and a TaskManager as
 * separate processes), submitted through the REST API, fed a recorded incident through Kafka.
 */
class SessionClusterIT {

    static Path jobJar() {
        Path jar =
                Path.of(
                        System.getProperty(
                                "aitia.jobJar", "target/streaming-jobs-0.1.0-SNAPSHOT-job.jar"));
        assertThat(jar).as("the job jar, built by mvn package").exists();
        return jar;
    }

    @Test
    void shouldConcludeTheHostDownIncidentWhenTheJobJarRunsOnASessionCluster() throws Exception {
        Path jar = jobJar();
        Incident incident = Bus.incident("host-down-doctor");
        try (KafkaBroker broker = KafkaBroker.start();
                FlinkSessionCluster flink =
                        FlinkSessionCluster.builder().classpath(flinkOnlyClasspath()).start();
                Bus bus = new Bus(broker, "session")) {
            bus.topology(incident.topology());
            String jobId =
                    flink.submitJob(
                            jar,
                            AssuranceJob.class.getName(),
                            List.of(
                                    "--bootstrap-servers", broker.bootstrapServers(),
                                    "--topic-prefix", "session.",
                                    "--group-id", "session-cluster-it",
                                    "--checkpoint-interval-ms", "2000"));
            flink.awaitJobState(jobId, "RUNNING", Duration.ofMinutes(2));
            for (TelemetryEvent e : Bus.telemetryOf(incident)) {
                bus.telemetry(e);
            }

            boolean concluded =
                    bus.readUntil(
                            b ->
                                    AssuranceJobIT.rootCause(b, "compute-3") != null
                                            && AssuranceJobIT.consequence(b, "vm-18") != null
                                            && b.hasAction("nova.host.force_down", "compute-3")
                                            && b.hasAction("nova.server.reset_state", "vm-17"),
                            Duration.ofSeconds(120));

            assertThat(concluded)
                    .as(
                            "conclusions from the cluster: %s %s; task manager log tail: %s",
                            bus.alarms(), bus.actions(), tail(flink.taskManagerLog()))
                    .isTrue();
            assertThat(flink.jobState(jobId)).isEqualTo("RUNNING");
            flink.cancelJob(jobId);
        }
    }

    /**
     * This JVM's class path without what the job jar brings (our modules, Kafka, the Kafka
     * connector, Drools, Elasticsearch, JGraphT): a Flink distribution's lib/ has none of them, and
     * user classes also on the cluster's class path break Flink's child-first class loading.
     */
    static String flinkOnlyClasspath() {
        List<String> jobJarContent =
                List.of(
                        "/target/",
                        "/org/aitia/",
                        "/org/apache/kafka/",
                        "flink-connector-kafka",
                        "flink-connector-base",
                        "/org/drools/",
                        "/org/kie/",
                        "/org/mvel/",
                        "/co/elastic/",
                        "/org/elasticsearch/",
                        "/org/jgrapht/");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> jobJarContent.stream().noneMatch(entry::contains))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
